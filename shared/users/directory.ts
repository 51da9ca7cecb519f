import type { Transaction } from '@google-cloud/firestore';
import { notFound } from '../errors/api-error.js';
import { firestore } from '../gcp/clients.js';
import { Collections } from '../data-layout.js';

/**
 * The user directory Chats decides existence with: the `users` profiles, one per user who has
 * made an authenticated call (ensureUserProfile). Identity Platform holds the accounts in
 * production; a profile is what this project knows of one.
 */
export async function unknownUserIds(userIds: string[], tx?: Transaction): Promise<string[]> {
  if (userIds.length === 0) return [];
  const refs = userIds.map((id) => firestore().collection(Collections.users).doc(id));
  const snaps = tx ? await tx.getAll(...refs) : await firestore().getAll(...refs);
  return snaps.filter((snap) => !snap.exists).map((snap) => snap.id);
}

/** 404 naming the first of `userIds` (in their order) that is not a known user. */
export async function requireExistingUsers(userIds: string[], tx?: Transaction): Promise<void> {
  const unknown = new Set(await unknownUserIds(userIds, tx));
  const first = userIds.find((id) => unknown.has(id));
  if (first) throw notFound(`user ${first}`);
}
