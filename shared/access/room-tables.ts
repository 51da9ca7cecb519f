import { requireReadableBelonging, rootRights } from './belongings.js';
import type { Principal } from '../auth/principal.js';
import { forbidden } from '../errors/api-error.js';
import { formatBelonging, parseBelonging } from '../resources/belonging.js';

/** 404 unless the caller sees the room; 403 unless the caller manages its sorting table (an owner). */
export async function requireRoomTableManager(principal: Principal, roomId: string): Promise<string> {
  const table = parseBelonging(`roomSortingTable:${roomId}`);
  const rights = await rootRights(principal, table);
  if (!rights.read) throw rights.hidden;
  if (!rights.manage) throw forbidden(`only owners of room ${roomId} may empty its sorting table`);
  return formatBelonging(table);
}

/** `roomSortingTable:{room}` once the caller may read it (members): owners and members act on it, trash rules decide which resources. */
export const readableRoomTable = async (principal: Principal, room: string): Promise<string> =>
  formatBelonging((await requireReadableBelonging(principal, `roomSortingTable:${room}`)).belonging);
