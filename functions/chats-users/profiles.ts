import { FieldValue } from '@google-cloud/firestore';
import { firestore } from '../../shared/gcp/clients.js';

/** The fields of a `users` document (DESIGN.md section 5) that Chats shows. */
export interface StoredProfile {
  email?: string;
  name?: string;
  firstName?: string;
  lastName?: string;
  type?: 'internal' | 'guest';
  statusMessage?: string;
  pictureUpdatedAt?: string;
}

export interface ChatsUser {
  id: string;
  email: string;
  name: string;
  type: 'internal' | 'guest';
  pictureUpdatedAt?: string;
  statusMessage?: string;
}

const usersCollection = () => firestore().collection('users');

export function chatsUser(id: string, profile: StoredProfile): ChatsUser {
  const name = profile.name ?? [profile.firstName, profile.lastName].filter(Boolean).join(' ');
  const user: ChatsUser = { id, email: profile.email ?? '', name, type: profile.type ?? 'internal' };
  if (profile.pictureUpdatedAt) user.pictureUpdatedAt = profile.pictureUpdatedAt;
  if (profile.statusMessage !== undefined) user.statusMessage = profile.statusMessage;
  return user;
}

export async function readUsers(ids: string[]): Promise<ChatsUser[]> {
  if (ids.length === 0) return [];
  const snaps = await firestore().getAll(...ids.map((id) => usersCollection().doc(id)));
  return snaps.filter((s) => s.exists).map((s) => chatsUser(s.id, s.data() as StoredProfile));
}

export async function readUser(id: string): Promise<ChatsUser | undefined> {
  const [user] = await readUsers([id]);
  return user;
}

/** Records when the user's picture last changed; `undefined` removes it. */
export async function setPictureUpdatedAt(userId: string, pictureUpdatedAt: string | undefined): Promise<void> {
  await usersCollection()
    .doc(userId)
    .set({ pictureUpdatedAt: pictureUpdatedAt ?? FieldValue.delete() }, { merge: true });
}
