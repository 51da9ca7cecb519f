import { badRequest } from '../../../shared/errors/api-error.js';
import { transactionWithEvents } from '../../../shared/events/outbox.js';
import { firestore } from '../../../shared/gcp/clients.js';
import { getRoomForMember, getRoomForOwner } from '../../../shared/access/rooms.js';
import { channelsOf, roomRef, settingsRef, workspacesOfMember } from '../../../shared/rooms/repository.js';
import type { EventPublisher } from '../../../shared/registry/types.js';
import { roomEvents } from '../events.js';
import { checkRankSequence, checkRanks, type RankEntry } from '../rules/ranks.js';

/**
 * Mutes or unmutes the room's notifications for the user; workspaces cannot be muted. Unmuting
 * never creates settings. Returns whether anything changed; only a change is announced (to the user).
 */
export async function setMuted(events: EventPublisher, roomId: string, userId: string, muted: boolean): Promise<boolean> {
  return transactionWithEvents(events, async (tx, sink) => {
    const { room } = await getRoomForMember(roomId, userId, { tx });
    if (room.type === 'workspace') throw badRequest('a workspace cannot be muted: mute its channels instead');
    const ref = settingsRef(room.id, userId);
    const current = (await tx.get(ref)).data();
    if ((current?.muted ?? false) === muted) return false;
    tx.set(ref, { roomId: room.id, userId, muted }, { merge: true });
    sink.emit((muted ? roomEvents.roomMuted : roomEvents.roomUnmuted).name, `user:${userId}`, { roomId });
    return true;
  });
}

/** Hides the room's history before now from the user; returns the new `clearedAt`, announced to the user. */
export async function clearHistory(events: EventPublisher, roomId: string, userId: string): Promise<string> {
  return transactionWithEvents(events, async (tx, sink) => {
    const { room } = await getRoomForMember(roomId, userId, { tx });
    const clearedAt = new Date().toISOString();
    const ref = settingsRef(room.id, userId);
    const current = await tx.get(ref);
    tx.set(ref, { roomId: room.id, userId, muted: current.data()?.muted ?? false, clearedAt }, { merge: true });
    sink.emit(roomEvents.historyCleared.name, `user:${userId}`, { roomId, clearedAt });
    return clearedAt;
  });
}

/** Stores the user's order of their workspaces; it must rank exactly those workspaces 1..n. */
export async function rankWorkspaces(userId: string, entries: RankEntry[]): Promise<void> {
  await firestore().runTransaction(async (tx) => {
    const workspaces = await workspacesOfMember(userId, tx);
    checkRanks(
      entries,
      workspaces.map((w) => w.id),
      "user's workspaces",
    );
    for (const { roomId, rank } of entries) tx.set(settingsRef(roomId, userId), { roomId, userId, rank }, { merge: true });
  });
}

/**
 * Stores a workspace's order of channels (owners only); it must rank exactly its channels 1..n.
 * The ranks themselves are checked before the workspace is looked at, as the reference does.
 */
export async function rankChannels(workspaceId: string, userId: string, entries: RankEntry[]): Promise<void> {
  checkRankSequence(entries);
  await firestore().runTransaction(async (tx) => {
    const { room } = await getRoomForOwner(workspaceId, userId, { tx });
    if (room.type !== 'workspace') throw badRequest(`room ${workspaceId} is not a workspace`);
    const channels = await channelsOf([room.id], tx);
    checkRanks(
      entries,
      channels.map((c) => c.id),
      "workspace's channels",
    );
    for (const { roomId, rank } of entries) tx.update(roomRef(roomId), { rank });
  });
}
