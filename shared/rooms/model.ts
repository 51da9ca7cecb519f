/**
 * The room model shared by every family: the Chats rooms of seed 003 are also the 3D rooms that
 * props stand in (DESIGN.md section 5).
 *
 * Firestore layout:
 * - `rooms/{roomId}`: {@link RoomRecord}. Channels keep no members of their own: they share the
 *   members of their parent workspace.
 * - `rooms/{roomId}/userSettings/{userId}`: {@link RoomUserSettingsRecord} (mute, cleared history,
 *   the user's rank of a workspace).
 * - `rooms/{roomId}/messages/{messageId}`: the room's message log (forwarded messages).
 * - `roomPairs/{userA}_{userB}`: the one_to_one room of a pair of users (ids sorted), so a second
 *   one for the same pair is refused inside the creating transaction.
 * - `meetings/{meetingId}`: {@link MeetingRecord}, one per room.
 */
export const roomTypes = ['group', 'one_to_one', 'workspace', 'channel', 'temporary'] as const;
export type RoomType = (typeof roomTypes)[number];

export interface RoomMember {
  userId: string;
  owner: boolean;
  joinedAt: string;
}

export interface RoomRecord {
  id: string;
  networkId: string;
  type: RoomType;
  name: string;
  description: string;
  /** Channels only: the workspace the channel belongs to. */
  parentId?: string;
  /** Empty for channels. */
  members: RoomMember[];
  /** The `userId`s of `members`, kept for `array-contains` queries. */
  memberIds: string[];
  meetingId: string;
  /** Channels only: position of the channel inside its workspace, from 1. */
  rank?: number;
  pictureUpdatedAt?: string;
  createdAt: string;
  updatedAt: string;
}

export interface RoomUserSettingsRecord {
  roomId: string;
  userId: string;
  muted: boolean;
  clearedAt?: string;
  /** Workspaces only: the user's position of this workspace, from 1. */
  rank?: number;
}

export interface MeetingRecord {
  id: string;
  roomId: string;
  name: string;
  meetingType: 'permanent' | 'scheduled';
  active: boolean;
  createdAt: string;
}

export interface RoomMessageRecord {
  id: string;
  roomId: string;
  kind: 'forwarded';
  senderId: string;
  originalMessage: string;
  originalMessageSentAt?: string;
  description?: string;
  createdAt: string;
}
