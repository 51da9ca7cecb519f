import { randomUUID } from 'node:crypto';
import type { CollectionReference, Transaction, WriteBatch } from '@google-cloud/firestore';
import type { Privacy } from '../access/privacy.js';
import type { Principal } from '../auth/principal.js';
import { log } from '../log.js';
import { resourceRef } from '../resources/collection.js';
import { Collections } from '../data-layout.js';

/**
 * The activity feed of a ressource (seed 004 `GET /ressource/{id}/feed`):
 * `resources/{id}/activity/{entryId}`, one document per thing that happened, with who and when.
 * `created` is not stored: the resource document itself says who created it and when.
 */
export type ActivityType = 'created' | 'updated' | 'privacy_changed' | 'photo_added' | 'reaction_set' | 'reaction_deleted';

export interface ActivityActor {
  id: string;
  type: 'user' | 'workspace';
}

export interface ActivityRecord {
  id: string;
  type: ActivityType;
  from: ActivityActor;
  /** ms since epoch */
  created: number;
  /** privacy_changed: the new privacy */
  privacy?: Privacy;
  /** updated: the fields that changed */
  fields?: string[];
  /** photo_added: the photo's resource id */
  photo?: string;
  /** reaction_set / reaction_deleted: the reaction */
  reaction?: string;
}

export type ActivityDetails = Pick<ActivityRecord, 'privacy' | 'fields' | 'photo' | 'reaction'>;

export const activityCollection = (resourceId: string): CollectionReference => resourceRef(resourceId).collection(Collections.activity);

export const actorOf = (principal: Principal): ActivityActor =>
  principal.workspaceId ? { id: principal.workspaceId, type: 'workspace' } : { id: principal.userId, type: 'user' };

function entry(principal: Principal, type: ActivityType, details: ActivityDetails, now: number): ActivityRecord {
  const defined = Object.fromEntries(Object.entries(details).filter(([, v]) => v !== undefined));
  return { id: randomUUID(), type, from: actorOf(principal), created: now, ...defined };
}

/** Adds an entry in the same transaction or batch as the change it records. */
export function recordActivity(
  writer: Transaction | WriteBatch,
  resourceId: string,
  principal: Principal,
  type: ActivityType,
  details: ActivityDetails = {},
  now = Date.now(),
): void {
  const record = entry(principal, type, details, now);
  writer.create(activityCollection(resourceId).doc(record.id), record);
}

/**
 * Records a reaction to a resource (not to one of its comments) after the reaction committed. A
 * failure is logged and not reported: the reaction itself happened.
 */
export async function recordReactionActivity(
  principal: Principal,
  event: string,
  target: { resource: string; comment?: string },
  record: { reaction: string },
): Promise<void> {
  if (target.comment) return;
  const type: ActivityType = event === 'resource:reactionDeleted' ? 'reaction_deleted' : 'reaction_set';
  const value = entry(principal, type, { reaction: record.reaction }, Date.now());
  try {
    await activityCollection(target.resource).doc(value.id).create(value);
  } catch (err) {
    log.error('reaction activity could not be recorded', { err, resource: target.resource });
  }
}
