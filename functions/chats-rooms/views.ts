import type { RoomMember, RoomRecord, RoomUserSettingsRecord } from '../../shared/rooms/model.js';

export interface MemberView {
  userId: string;
  owner: boolean;
}

export interface RoomUserSettingsView {
  muted: boolean;
  clearedAt?: string;
}

export interface RoomView {
  id: string;
  type: RoomRecord['type'];
  name?: string;
  description?: string;
  parentId?: string;
  rank?: number;
  meetingId: string;
  createdAt: string;
  updatedAt: string;
  pictureUpdatedAt?: string;
  children?: RoomView[];
  members?: MemberView[];
  userSettings?: RoomUserSettingsView;
}

export interface RoomViewParts {
  rank?: number;
  members?: RoomMember[];
  /** `null` renders the defaults of a user who never changed a setting. */
  settings?: RoomUserSettingsRecord | null;
  children?: RoomView[];
}

export const memberView = (m: RoomMember): MemberView => ({ userId: m.userId, owner: m.owner });

export function settingsView(settings: RoomUserSettingsRecord | null | undefined): RoomUserSettingsView {
  return settings?.clearedAt ? { muted: settings.muted, clearedAt: settings.clearedAt } : { muted: settings?.muted ?? false };
}

/**
 * A room as seed 003 answers it. A name or description never given (always so for one_to_one
 * rooms) is absent rather than empty; workspaces never carry user settings.
 */
export function roomView(room: RoomRecord, parts: RoomViewParts = {}): RoomView {
  const view: RoomView = {
    id: room.id,
    type: room.type,
    ...(room.name ? { name: room.name } : {}),
    ...(room.description ? { description: room.description } : {}),
    meetingId: room.meetingId,
    createdAt: room.createdAt,
    updatedAt: room.updatedAt,
  };
  if (room.parentId) view.parentId = room.parentId;
  if (parts.rank !== undefined) view.rank = parts.rank;
  if (room.pictureUpdatedAt) view.pictureUpdatedAt = room.pictureUpdatedAt;
  if (parts.children) view.children = parts.children;
  if (parts.members) view.members = parts.members.map(memberView);
  if (parts.settings !== undefined && room.type !== 'workspace') view.userSettings = settingsView(parts.settings);
  return view;
}
