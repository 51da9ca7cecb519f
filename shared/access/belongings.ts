import type { Transaction } from '@google-cloud/firestore';
import type { Principal } from '../auth/principal.js';
import { ApiError, badRequest, forbidden, notFound } from '../errors/api-error.js';
import { formatBelonging, parseBelonging, roomOfBelonging, userOfBelonging, type Belonging } from '../resources/belonging.js';
import { propExists, propOf } from '../resources/prop-positions.js';
import { resolveChain, type BelongingChain } from '../resources/tree.js';
import { roomRights } from './rooms.js';

/**
 * Rights on a root belonging (one that is not a directory; a directory has the rights of its root).
 * `write` places resources there; `manage` changes or removes resources other users placed there.
 */
export interface BelongingRights {
  read: boolean;
  write: boolean;
  manage: boolean;
  /** the answer when the caller may not read */
  hidden: ApiError;
  /** the answer when the caller may read but not write */
  readOnly: ApiError;
}

const NONE = { read: false, write: false, manage: false };
const ALL = { read: true, write: true, manage: true };

/**
 * Per-user belongings (sorting table, AI generations, upload sessions, trashcan) are their user's
 * alone. Room belongings follow room membership: members read and contribute to the room sorting
 * table; owners place resources in the room and on its props and manage what others placed.
 * `community:{id}` is the shelf of the workspace room `{id}`: readable by every signed-in user
 * (its content is public; see resource:getPublicMusic), written by the workspace's members,
 * managed by its owners.
 */
export async function rootRights(principal: Principal, root: Belonging, tx?: Transaction): Promise<BelongingRights> {
  const name = formatBelonging(root);
  const user = userOfBelonging(root);
  if (user !== undefined) {
    const denied = forbidden(`belonging ${name} belongs to another user`);
    return { ...(user === principal.userId ? ALL : NONE), hidden: denied, readOnly: denied };
  }
  const room = roomOfBelonging(root);
  if (room) {
    const rights = await roomRights(principal, room.roomId, tx);
    const hidden = notFound('room');
    if (root.type === 'roomSortingTable') {
      return {
        read: rights.member,
        write: rights.member,
        manage: rights.owner,
        hidden,
        readOnly: forbidden(`user ${principal.userId} is not a member of room ${room.roomId}`),
      };
    }
    if (root.type === 'roomProps') {
      return {
        read: rights.member,
        write: false,
        manage: false,
        hidden,
        readOnly: badRequest(`${name} is a virtual belonging: it holds no resources of its own`),
      };
    }
    return {
      read: rights.member,
      write: rights.owner,
      manage: rights.owner,
      hidden,
      readOnly: forbidden(`only owners of room ${room.roomId} may place resources in it or on its props`),
    };
  }
  if (root.type === 'community') {
    const rights = await roomRights(principal, root.path, tx);
    return {
      read: true,
      write: rights.member,
      manage: rights.owner,
      hidden: notFound('community'),
      readOnly: forbidden(`user ${principal.userId} is not a member of community ${root.path}`),
    };
  }
  if (root.type === 'environment') {
    // seed 004: the network's ressources are published and listed through /environment/ressources only
    return { ...NONE, hidden: notFound('environment'), readOnly: forbidden(`publish to ${name} through POST /environment/ressources`) };
  }
  return { ...NONE, hidden: notFound('belonging'), readOnly: forbidden(`belonging ${name} is not writable`) };
}

export interface BelongingAccess extends BelongingChain {
  rights: BelongingRights;
}

async function access(principal: Principal, value: string | Belonging, tx?: Transaction): Promise<BelongingAccess> {
  const belonging = typeof value === 'string' ? parseBelonging(value) : value;
  const chain = await resolveChain(belonging, tx);
  if (!chain) throw notFound('directory');
  const rights = await rootRights(principal, chain.root, tx);
  // a directory the caller may not read answers as if it did not exist
  if (!rights.read) throw chain.directories.length > 0 ? notFound('directory') : rights.hidden;
  return { ...chain, rights };
}

/** The belonging with its chain when the caller may list it: 400 malformed, 403/404 otherwise. */
export async function requireReadableBelonging(
  principal: Principal,
  value: string | Belonging,
  tx?: Transaction,
): Promise<BelongingAccess> {
  return access(principal, value, tx);
}

/**
 * The belonging with its chain when the caller may place resources in it. The trashcan is only
 * reached through resource:delete (which remembers where a resource came from); virtual
 * belongings hold nothing; a prop must exist (seed 001 prop.updateProp creates it).
 */
export async function requireWritableBelonging(
  principal: Principal,
  value: string | Belonging,
  tx?: Transaction,
): Promise<BelongingAccess> {
  const belonging = typeof value === 'string' ? parseBelonging(value) : value;
  if (belonging.type === 'trashcan') throw badRequest('resources reach the trashcan only through resource:delete');
  if (belonging.type === 'roomProps')
    throw badRequest(`${formatBelonging(belonging)} is a virtual belonging: it holds no resources of its own`);
  const found = await access(principal, belonging, tx);
  if (!found.rights.write) throw found.rights.readOnly;
  const prop = propOf(belonging);
  if (prop && !(await propExists(prop, tx))) throw notFound('prop');
  return found;
}
