import type { DocumentReference } from '@google-cloud/firestore';
import type { PendingEvent } from '../../../shared/events/message.js';
import { commitWithEvents } from '../../../shared/events/outbox.js';
import type { EventPublisher } from '../../../shared/registry/types.js';
import type { Principal } from '../../../shared/auth/principal.js';
import { firestore } from '../../../shared/gcp/clients.js';
import { resources } from '../../../shared/resources/repository.js';
import { recordQuery } from '../../../shared/gcp/query-shapes.js';
import { checkReactionAccess } from '../../../shared/access/reactions.js';
import { GrpcCode, hasGrpcCode, isNotFound } from '../../../shared/gcp/status-codes.js';
import { notFound } from '../../../shared/errors/api-error.js';
import { Collections } from '../../../shared/data-layout.js';

/**
 * `resources/{id}/reactions/{userId}`: one reaction per user to the resource itself; the resource's
 * `totalReactions` is counted from them (shared/resources/reaction-count.ts). Reactions to a comment of the resource live
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
    ? resources().doc(target.resource).collection(Collections.commentReactions).doc(`${target.comment}_${userId}`)
    : resources().doc(target.resource).collection(Collections.reactions).doc(userId);

/** The event of a reaction change, committed with it (or nothing, outside a room). */
export type Announcement = (record: ReactionRecord) => PendingEvent[];

/**
 * Writes the caller's own reaction document (no counter on the resource: the total is counted
 * from the reactions), with the announcement in the same commit. The first reaction to a resource
 * also marks it `reacted`, once, so answers about resources nobody reacted to count nothing.
 */
export async function putReaction(
  principal: Principal,
  target: ReactionTarget,
  reaction: string,
  events: EventPublisher,
  announce: Announcement,
): Promise<ReactionRecord> {
  const resource = await checkReactionAccess(principal, target);
  const record: ReactionRecord = { userId: principal.userId, reaction, comment: target.comment, room: target.room, updated: Date.now() };
  const batch = firestore().batch();
  batch.set(reactionRef(target, principal.userId), record);
  if (!target.comment && resource.reacted === false) batch.update(resources().doc(target.resource), { reacted: true });
  try {
    await commitWithEvents(batch, events, announce(record));
  } catch (err) {
    if (isNotFound(err)) throw notFound('resource'); // deleted since its access was checked
    throw err;
  }
  return record;
}

/**
 * Removes the caller's reaction; answers the removed record, or undefined when there was none. The
 * delete is conditional on the document existing, so of concurrent deletions exactly one removes
 * it (and announces it).
 */
export async function removeReaction(
  principal: Principal,
  target: ReactionTarget,
  events: EventPublisher,
  announce: Announcement,
): Promise<ReactionRecord | undefined> {
  await checkReactionAccess(principal, target);
  const ref = reactionRef(target, principal.userId);
  const existing = await ref.get();
  if (!existing.exists) return undefined;
  const removed = existing.data() as ReactionRecord;
  const batch = firestore().batch();
  batch.delete(ref, { lastUpdateTime: existing.updateTime! });
  try {
    await commitWithEvents(batch, events, announce({ ...removed, updated: Date.now() }));
  } catch (err) {
    if (isNotFound(err) || hasGrpcCode(err, GrpcCode.FAILED_PRECONDITION)) return undefined; // removed or replaced concurrently
    throw err;
  }
  return removed;
}

/** At most this many reactions are listed; `total` still counts them all. */
export const MAX_LISTED_REACTIONS = 1000;

export async function listReactions(resourceId: string): Promise<ReactionRecord[]> {
  const snap = await recordQuery(
    resources().doc(resourceId).collection(Collections.reactions).orderBy('updated', 'desc').limit(MAX_LISTED_REACTIONS),
  ).get();
  return snap.docs.map((d) => d.data() as ReactionRecord);
}

export async function ownReaction(resourceId: string, userId: string): Promise<string> {
  const snap = await resources().doc(resourceId).collection(Collections.reactions).doc(userId).get();
  return (snap.data() as ReactionRecord | undefined)?.reaction ?? '';
}
