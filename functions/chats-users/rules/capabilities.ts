import { env, envInt, type ConfigName } from '../../../shared/config.js';

export interface Capabilities {
  canSeeMessageReads: boolean;
  canSeeUsersPresence: boolean;
  canVideoCall: boolean;
  canVideoCallRecord: boolean;
  canUseVirtualBackground: boolean;
  editMessageTimeLimitInMinutes: number;
  deleteMessageTimeLimitInMinutes: number;
  maxGroupMembers: number;
  maxRoomImageSizeInKb: number;
  maxUserImageSizeInKb: number;
}

function envBool(name: ConfigName): boolean {
  const value = (env(name) ?? '').trim().toLowerCase();
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  throw new Error(`configuration variable ${name} is not a boolean: ${value}`);
}

/** The Chats capabilities, all read from configuration at call time. */
export function capabilities(): Capabilities {
  return {
    canSeeMessageReads: envBool('CHATS_CAN_SEE_MESSAGE_READS'),
    canSeeUsersPresence: envBool('CHATS_CAN_SEE_USERS_PRESENCE'),
    canVideoCall: envBool('CHATS_CAN_VIDEO_CALL'),
    canVideoCallRecord: envBool('CHATS_CAN_VIDEO_CALL_RECORD'),
    canUseVirtualBackground: envBool('CHATS_CAN_USE_VIRTUAL_BACKGROUND'),
    editMessageTimeLimitInMinutes: envInt('CHATS_EDIT_MESSAGE_TIME_LIMIT_MINUTES'),
    deleteMessageTimeLimitInMinutes: envInt('CHATS_DELETE_MESSAGE_TIME_LIMIT_MINUTES'),
    maxGroupMembers: envInt('CHATS_MAX_GROUP_MEMBERS'),
    maxRoomImageSizeInKb: envInt('CHATS_MAX_ROOM_IMAGE_KB'),
    maxUserImageSizeInKb: envInt('CHATS_MAX_USER_IMAGE_KB'),
  };
}
