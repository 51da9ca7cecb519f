import { DEFAULT_PRIVACY } from '../../shared/access/privacy.js';
import type { RessourceDoc } from '../../shared/access/ressources.js';
import type { OutputOf } from '../../shared/registry/schema-types.js';
import type { ResourceDoc } from '../../shared/resources/model.js';
import type { ActivityActor, ActivityRecord } from '../../shared/ressources/activity.js';
import type { feedEntrySchema, photoSchema, ressourceSchema } from './schemas/ressource.js';

export type RessourceView = OutputOf<typeof ressourceSchema>;
export type PhotoView = OutputOf<typeof photoSchema>;
export type FeedEntryView = OutputOf<typeof feedEntrySchema>;

/**
 * The seed 004 view of a resource. `owner` is the user who published it; a ressource a workspace
 * token published to its own workspace has no user owner, and answers only `workspace`.
 */
export function ressourceView(doc: RessourceDoc, workspaceId: string | undefined): RessourceView {
  const privacy = doc.privacy ?? DEFAULT_PRIVACY;
  return {
    id: doc.id,
    ...(doc.title !== undefined && { title: doc.title }),
    ...(doc.description !== undefined && { description: doc.description }),
    ...(doc.avatar && { avatar: doc.avatar }),
    ...(doc.ownerId !== workspaceId && { owner: doc.ownerId }),
    ...(workspaceId && { workspace: workspaceId }),
    privacy: { value: privacy.value, perms: privacy.perms, allow: privacy.allow, deny: privacy.deny },
    created_time: new Date(doc.created).toISOString(),
    updated_time: new Date(doc.updated).toISOString(),
  };
}

/** `resources/{id}/photos/{photoId}`: a photo (an image resource) attached to a ressource, by whom and when. */
export interface PhotoLink {
  photo: string;
  from: ActivityActor;
  /** ms since epoch */
  added: number;
}

export function photoView(link: PhotoLink, doc: ResourceDoc): PhotoView {
  const metadata = (doc.metadata ?? {}) as { contentType?: string; dimensions?: { width?: number; height?: number } };
  return {
    id: doc.id,
    ...(doc.title !== undefined && { title: doc.title }),
    status: doc.status,
    ...(metadata.contentType && { content_type: metadata.contentType }),
    ...(metadata.dimensions?.width !== undefined && { width: metadata.dimensions.width }),
    ...(metadata.dimensions?.height !== undefined && { height: metadata.dimensions.height }),
    from: link.from,
    added_time: new Date(link.added).toISOString(),
  };
}

export function feedEntryView(entry: ActivityRecord): FeedEntryView {
  const { created, ...rest } = entry;
  return { ...rest, created_time: new Date(created).toISOString() };
}
