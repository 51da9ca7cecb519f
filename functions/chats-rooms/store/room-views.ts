import type { MemberAccess } from '../../../shared/access/rooms.js';
import type { RoomRecord, RoomUserSettingsRecord } from '../../../shared/rooms/model.js';
import { channelsOf, readSettings, roomsOfMember, workspacesOfMember } from '../../../shared/rooms/repository.js';
import { rankPositions } from '../rules/ranks.js';
import { roomView, type RoomView } from '../views.js';

export interface ListOptions {
  members: boolean;
  settings: boolean;
}

const byCreation = (a: RoomRecord, b: RoomRecord) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

function channelPositions(channels: RoomRecord[]): Map<string, number> {
  return rankPositions(channels, (c) => c.rank);
}

/**
 * Every room the user is a member of, workspaces carrying their channels in `children`. Ranks are
 * the user's order of workspaces and each workspace's order of channels. Channels never carry
 * members here, and workspaces never carry settings.
 */
export async function listRoomViews(userId: string, options: ListOptions): Promise<RoomView[]> {
  const rooms = (await roomsOfMember(userId)).sort(byCreation);
  const workspaces = rooms.filter((r) => r.type === 'workspace');
  const channels = await channelsOf(workspaces.map((w) => w.id));
  const settingsIds = options.settings ? [...rooms, ...channels].map((r) => r.id) : workspaces.map((w) => w.id);
  const settings = await readSettings(settingsIds, userId);
  const workspaceRanks = rankPositions(workspaces, (w) => settings.get(w.id)?.rank);
  const userSettings = (id: string): RoomUserSettingsRecord | null | undefined =>
    options.settings ? (settings.get(id) ?? null) : undefined;

  return rooms.map((room) => {
    if (room.type !== 'workspace') {
      return roomView(room, { members: options.members ? room.members : undefined, settings: userSettings(room.id) });
    }
    const own = channels.filter((c) => c.parentId === room.id);
    const positions = channelPositions(own);
    const children = own
      .map((channel) => roomView(channel, { rank: positions.get(channel.id), settings: userSettings(channel.id) }))
      .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
    return roomView(room, { rank: workspaceRanks.get(room.id), members: options.members ? room.members : undefined, children });
  });
}

/**
 * One room as its member sees it: members, rank, and the user's settings; a workspace has its
 * channels (each with its rank and the user's settings, no members) and no settings of its own.
 */
export async function memberRoomView(access: MemberAccess, userId: string): Promise<RoomView> {
  const { room, members } = access;
  if (room.type === 'workspace') {
    const [channels, workspaces] = await Promise.all([channelsOf([room.id]), workspacesOfMember(userId)]);
    const settings = await readSettings(
      [...workspaces, ...channels].map((r) => r.id),
      userId,
    );
    const ranks = rankPositions(workspaces, (w) => settings.get(w.id)?.rank);
    const positions = channelPositions(channels);
    const children = channels
      .map((c) => roomView(c, { rank: positions.get(c.id), settings: settings.get(c.id) ?? null }))
      .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
    return roomView(room, { rank: ranks.get(room.id), members, children });
  }
  if (room.type === 'channel' && room.parentId) {
    const [siblings, settings] = await Promise.all([channelsOf([room.parentId]), readSettings([room.id], userId)]);
    return roomView(room, { rank: channelPositions(siblings).get(room.id), members, settings: settings.get(room.id) ?? null });
  }
  const settings = await readSettings([room.id], userId);
  return roomView(room, { members, settings: settings.get(room.id) ?? null });
}
