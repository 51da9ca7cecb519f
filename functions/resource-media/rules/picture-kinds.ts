import type { Principal } from '../../../shared/auth/principal.js';
import { StoragePaths } from '../../../shared/data-layout.js';
import { idSchema } from '../../../shared/resources/schema.js';
import { getRoomForMember } from '../../../shared/access/rooms.js';
import { networkIdSchema } from '../schemas/thumbnail.js';

/** The pictures of users, rooms and networks, read as thumbnails (seed 000's `/thumbnail/{kind}/...` endpoints). */
export interface PictureKind {
  kind: 'user' | 'room' | 'network';
  id: typeof idSchema | typeof networkIdSchema;
  permission: string;
  /** Throws a 404 when the caller may not see the owner's picture. */
  authorize(principal: Principal, id: string): Promise<void>;
  path(id: string): string;
}

export const pictureKinds: PictureKind[] = [
  { kind: 'user', id: idSchema, permission: 'authenticated user', authorize: async () => undefined, path: StoragePaths.userPicture },
  {
    kind: 'room',
    id: idSchema,
    permission: 'member of the room',
    authorize: async (principal, id) => void (await getRoomForMember(id, principal.userId, { hideFromNonMembers: true })),
    path: StoragePaths.roomPicture,
  },
  {
    kind: 'network',
    id: networkIdSchema,
    permission: 'authenticated user',
    authorize: async () => undefined,
    path: StoragePaths.networkPicture,
  },
];
