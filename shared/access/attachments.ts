import { forbidden, notFound } from '../errors/api-error.js';
import { loadRoomAccess, type MemberAccess } from './rooms.js';
import { readAttachment, type AttachmentRecord } from '../rooms/attachments.js';

export interface AttachmentAccess {
  attachment: AttachmentRecord;
  room: MemberAccess;
}

/**
 * An attachment with its room, for a member of that room: 404 for an unknown attachment (or one
 * whose room is gone), 403 for users who are not members of the room (as seed 003's reference does).
 */
export async function getAttachmentForMember(fileId: string, userId: string): Promise<AttachmentAccess> {
  const attachment = await readAttachment(fileId);
  if (!attachment) throw notFound('attachment');
  const room = await loadRoomAccess(attachment.roomId, userId);
  if (!room) throw notFound('attachment');
  if (!room.member) throw forbidden(`user ${userId} is not a member of the room of attachment ${fileId}`);
  return { attachment, room: room as MemberAccess };
}
