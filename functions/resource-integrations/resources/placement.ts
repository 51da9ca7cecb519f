/**
 * Stand-in for `resolvePlacement` of shared/resources/placement.ts (branch `resources`), to be
 * replaced by it once merged: turns the placement fields of a create call into a belonging, with
 * the same rules as functions/resources/create.ts plus directories and room sorting tables.
 */
import { canWriteResource } from '../../../shared/access/resources.js';
import type { Principal } from '../../../shared/auth/principal.js';
import { forbidden } from '../../../shared/errors/api-error.js';
import { formatBelonging, parseBelonging } from '../../../shared/resources/belonging.js';
import { getVisibleResource } from '../../../shared/resources/repository.js';
import { getRoomForMember } from '../../../shared/rooms/access.js';

/** Where new resources go, as shared/resources/placement.ts answers it. */
export interface ResolvedPlacement {
  belonging: string;
  networkId: string;
}

export interface Placement {
  parent?: string;
  roomId?: string;
  contributeToRoom?: string;
  addToSortingTable?: boolean;
  belonging?: string;
}

const OWN_BELONGINGS = new Set(['userSortingTable', 'userAIGeneration', 'uploadSession']);

/** Where new resources go: explicit belonging, a directory, a room sorting table, or the caller's sorting table. */
export async function resolvePlacement(principal: Principal, placement: Placement): Promise<ResolvedPlacement> {
  return { belonging: await belongingOf(principal, placement), networkId: principal.networkId };
}

async function belongingOf(principal: Principal, placement: Placement): Promise<string> {
  if (placement.belonging) {
    const belonging = parseBelonging(placement.belonging);
    if (belonging.type === 'directory') return directoryBelonging(principal, belonging.path);
    if (belonging.type === 'roomSortingTable') return roomSortingTable(principal, belonging.path);
    if (!OWN_BELONGINGS.has(belonging.type)) throw forbidden(`belonging ${belonging.type} is not writable here`);
    if (belonging.path.split('/')[0] !== principal.userId) throw forbidden('belonging belongs to another user');
    return formatBelonging(belonging);
  }
  if (placement.parent) return directoryBelonging(principal, placement.parent);
  const room = placement.contributeToRoom ?? placement.roomId;
  if (room) return roomSortingTable(principal, room);
  return formatBelonging({ type: 'userSortingTable', path: principal.userId });
}

async function directoryBelonging(principal: Principal, directoryId: string): Promise<string> {
  const directory = await getVisibleResource(principal, directoryId);
  if (!canWriteResource(principal, directory)) throw forbidden('the directory is not writable by the caller');
  return formatBelonging({ type: 'directory', path: directory.id });
}

async function roomSortingTable(principal: Principal, roomId: string): Promise<string> {
  await getRoomForMember(roomId, principal.userId, { hideFromNonMembers: true });
  return formatBelonging({ type: 'roomSortingTable', path: roomId });
}
