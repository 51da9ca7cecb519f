import { formatBelonging, roomOfBelonging, type Belonging } from '../../../shared/resources/belonging.js';

/** Belongings whose broadcast channel searchBelonging joins (seed 000: directory and community for now). */
const BROADCAST = new Set(['directory', 'community']);

/**
 * The channels a socket searching a belonging joins: the broadcast channel of a directory or a
 * community; for a room's content (`room:{roomId}`, a prop in it, `roomProps:{roomId}`), which is
 * how a client shows a room, the room's event channel (`room:{roomId}`, reactions of seed 002).
 * resource:unsubscribeFromBelonging of the same belonging leaves them.
 */
export function searchChannels(belonging: Belonging): string[] {
  const channels = BROADCAST.has(belonging.type) ? [`belonging:${formatBelonging(belonging)}`] : [];
  const roomChannel = roomChannelOf(belonging);
  return roomChannel ? [...channels, roomChannel] : channels;
}

export function roomChannelOf(belonging: Belonging): string | undefined {
  if (belonging.type !== 'room' && belonging.type !== 'roomProps') return undefined;
  const room = roomOfBelonging(belonging);
  return room ? `room:${room.roomId}` : undefined;
}
