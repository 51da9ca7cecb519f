import { roomsOfMember } from '../../../shared/rooms/repository.js';

/**
 * The user and everyone sharing a room with them (channels share their workspace's members, so
 * the user's own rooms cover them): who hears of the user's picture changes.
 */
export async function userAndContacts(userId: string): Promise<string[]> {
  const rooms = await roomsOfMember(userId);
  return [...new Set([userId, ...rooms.flatMap((r) => r.memberIds)])];
}
