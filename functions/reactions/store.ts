import { FieldValue, type DocumentReference, type Transaction } from '@google-cloud/firestore';
import type { Principal } from '../../shared/auth/principal.js';
import { mayReadResource } from '../../shared/access/resources.js';
import { notFound } from '../../shared/errors/api-error.js';
import { firestore } from '../../shared/gcp/clients.js';
import type { ResourceDoc } from '../../shared/resources/model.js';
import { resources } from '../../shared/resources/repository.js';
import { getRoomForMember } from '../../shared/rooms/access.js';
import { recordQuery } from '../../shared/gcp/query-shapes.js';

/**
 * `resources/{id}/reactions/{userId}`: one reaction per user to the resource itself, counted in the
 * resource's `totalReactions` in the same transaction. Reactions to a comment of the resource live
 * in `resources/{id}/commentReactions/{commentId}_{userId}` and are not counted there.
 */
export interface ReactionRecord {
  userId: string;
  reaction: string;
  comment?: string;
  room?: string;
  updated: number;
}

export interface ReactionTarget {
  resource: string;
  comment?: string;
  room?: string;
}

const reactionRef = (target: ReactionTarget, userId: string): DocumentReference =>
  target.comment
    ? resources().doc(target.resource).collection('commentReactions').doc(`${target.comment}_${userId}`)
    : resources().doc(target.resource).collection('reactions').doc(userId);

/** The resource, when the caller may see it, and the room, when one is named and the caller is in it: 404 otherwise. */
async function checkAccess(tx: Transaction, principal: Principal, target: ReactionTarget): Promise<ResourceDoc> {
  const snap = await tx.get(resources().doc(target.resource));
  const doc = snap.data() as ResourceDoc | undefined;
  if (!doc || !(await mayReadResource(principal, doc, tx))) throw notFound('resource');
  if (target.room) await getRoomForMember(target.room, principal.userId, { tx, hideFromNonMembers: true });
  return doc;
}

export async function putReaction(principal: Principal, target: ReactionTarget, reaction: string): Promise<ReactionRecord> {
  return firestore().runTransaction(async (tx) => {
    await checkAccess(tx, principal, target);
    const ref = reactionRef(target, principal.userId);
    const existing = await tx.get(ref);
    const record: ReactionRecord = { userId: principal.userId, reaction, comment: target.comment, room: target.room, updated: Date.now() };
    tx.set(ref, record);
    if (!target.comment && !existing.exists) tx.update(resources().doc(target.resource), { totalReactions: FieldValue.increment(1) });
    return record;
  });
}

/** Removes the caller's reaction; answers the removed record, or undefined when there was none. */
export async function removeReaction(principal: Principal, target: ReactionTarget): Promise<ReactionRecord | undefined> {
  return firestore().runTransaction(async (tx) => {
    await checkAccess(tx, principal, target);
    const ref = reactionRef(target, principal.userId);
    const existing = await tx.get(ref);
    if (!existing.exists) return undefined;
    tx.delete(ref);
    if (!target.comment) tx.update(resources().doc(target.resource), { totalReactions: FieldValue.increment(-1) });
    return existing.data() as ReactionRecord;
  });
}

/** At most this many reactions are listed; `total` still counts them all. */
export const MAX_LISTED_REACTIONS = 1000;

export async function listReactions(resourceId: string): Promise<ReactionRecord[]> {
  const snap = await recordQuery(resources().doc(resourceId).collection('reactions').orderBy('updated', 'desc').limit(MAX_LISTED_REACTIONS)).get();
  return snap.docs.map((d) => d.data() as ReactionRecord);
}

export async function ownReaction(resourceId: string, userId: string): Promise<string> {
  const snap = await resources().doc(resourceId).collection('reactions').doc(userId).get();
  return (snap.data() as ReactionRecord | undefined)?.reaction ?? '';
}
