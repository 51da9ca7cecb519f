import { FieldValue } from '@google-cloud/firestore';
import { firestore } from '../../../shared/gcp/clients.js';
import type { UserProfile } from '../../../shared/users/profile.js';
import { chatsUser, type ChatsUser } from '../views.js';
import { Collections } from '../../../shared/data-layout.js';

const usersCollection = () => firestore().collection(Collections.users);

/** The users with these ids, in the order asked; unknown ids are left out. */
export async function readUsers(ids: string[]): Promise<ChatsUser[]> {
  if (ids.length === 0) return [];
  const snaps = await firestore().getAll(...ids.map((id) => usersCollection().doc(id)));
  return snaps.filter((s) => s.exists).map((s) => chatsUser({ ...(s.data() as UserProfile), id: s.id }));
}

export async function readUser(id: string): Promise<ChatsUser | undefined> {
  const [user] = await readUsers([id]);
  return user;
}

/** Records when the user's picture last changed; `undefined` removes it. */
export async function setPictureUpdatedAt(userId: string, pictureUpdatedAt: string | undefined): Promise<void> {
  await usersCollection()
    .doc(userId)
    .set({ pictureUpdatedAt: pictureUpdatedAt ?? FieldValue.delete(), updated: new Date().toISOString() }, { merge: true });
}
