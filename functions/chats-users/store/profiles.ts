import { FieldValue } from '@google-cloud/firestore';
import type { PendingEvent } from '../../../shared/events/message.js';
import { commitWithEvents } from '../../../shared/events/outbox.js';
import { firestore } from '../../../shared/gcp/clients.js';
import type { EventPublisher } from '../../../shared/registry/types.js';
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

/** Records when the user's picture last changed (`undefined` removes it), with the events announcing it in the same commit. */
export async function setPictureUpdatedAt(
  userId: string,
  pictureUpdatedAt: string | undefined,
  events: EventPublisher,
  announced: PendingEvent[],
): Promise<void> {
  const batch = firestore().batch();
  batch.set(
    usersCollection().doc(userId),
    { pictureUpdatedAt: pictureUpdatedAt ?? FieldValue.delete(), updated: new Date().toISOString() },
    { merge: true },
  );
  await commitWithEvents(batch, events, announced);
}
