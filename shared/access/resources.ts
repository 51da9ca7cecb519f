import type { Transaction } from '@google-cloud/firestore';
import type { Principal } from '../auth/principal.js';
import type { ResourceDoc } from '../resources/model.js';
import { resolveChain, type BelongingChain } from '../resources/tree.js';
import { roomOfBelonging } from '../resources/belonging.js';
import { rootRights } from './belongings.js';
import { atLeast, privacyLevelFor, type Privacy, type PrivacyLevel } from './privacy.js';
import { workspaceOfRoom } from './rooms.js';

/**
 * Every access rule on resources lives here and in belongings.ts/rooms.ts/privacy.ts. The owner
 * may do everything with their resources. Others have the rights of the resource's root belonging
 * (its own, or the one above its directories): readers of the belonging read the resource, and
 * its managers (room and workspace owners) change, move and delete it. A seed 004 share adds to
 * that: READ reads, WRITE changes (never for a resource in the trashcan).
 */
interface ResourceRights {
  read: boolean;
  write: boolean;
}

export interface ResourceAccess extends ResourceRights {
  /** where the resource is, up to its root; undefined when a directory above it is missing */
  chain?: BelongingChain;
}

export async function resourceAccess(principal: Principal, resource: ResourceDoc, tx?: Transaction): Promise<ResourceAccess> {
  const chain = await resolveChain(resource.belonging, tx);
  if (resource.ownerId === principal.userId) return { read: true, write: true, chain };
  if (!chain) return { read: false, write: false };
  const rights = await rootRights(principal, chain.root, tx);
  let read = rights.read;
  let write = rights.read && rights.manage;
  const privacy = (resource as ResourceDoc & { privacy?: Privacy }).privacy;
  if (!write && privacy && chain.root.type !== 'trashcan') {
    const shared = await sharedLevel(principal, privacy, chain, tx);
    read ||= atLeast(shared, 'READ');
    write ||= atLeast(shared, 'WRITE');
  }
  return { read, write, chain };
}

/**
 * What a seed 004 privacy setting (`ressource` shares: WORKSPACE, CUSTOM allow/deny, deny wins)
 * grants on top of the belonging's rights. The workspace is the one of the room the resource is
 * placed in.
 */
async function sharedLevel(principal: Principal, privacy: Privacy, chain: BelongingChain, tx?: Transaction): Promise<PrivacyLevel> {
  const room = roomOfBelonging(chain.root);
  const workspaceId = room ? await workspaceOfRoom(room.roomId, tx) : undefined;
  return privacyLevelFor(principal, privacy, workspaceId, tx);
}

export async function mayReadResource(principal: Principal, resource: ResourceDoc, tx?: Transaction): Promise<boolean> {
  return (await resourceAccess(principal, resource, tx)).read;
}

export async function mayWriteResource(principal: Principal, resource: ResourceDoc, tx?: Transaction): Promise<boolean> {
  return (await resourceAccess(principal, resource, tx)).write;
}

/** The synchronous part of {@link mayWriteResource}: the owner. */
export function canWriteResource(principal: Principal, resource: ResourceDoc): boolean {
  return resource.ownerId === principal.userId;
}

/**
 * Who may restore a resource from the trashcan: its owner, or whoever manages the belonging it
 * was deleted from (a room owner restoring a member's contribution to the room sorting table).
 */
export async function mayRestoreResource(principal: Principal, resource: ResourceDoc, tx?: Transaction): Promise<boolean> {
  if (resource.ownerId === principal.userId) return true;
  if (!resource.previousBelonging) return false;
  const chain = await resolveChain(resource.previousBelonging, tx);
  if (!chain) return false;
  const rights = await rootRights(principal, chain.root, tx);
  return rights.read && rights.manage;
}
