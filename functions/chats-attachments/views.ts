import type { AttachmentRecord } from '../../shared/rooms/attachments.js';

export interface AttachmentView {
  id: string;
  name: string;
  size: number;
  mimeType: string;
  userId: string;
  roomId: string;
  createdAt: string;
}

/** `area` is never answered (the reference checks it and keeps nothing of it). */
export function attachmentView(a: AttachmentRecord): AttachmentView {
  return {
    id: a.id,
    name: a.name,
    size: a.size,
    mimeType: a.mimeType,
    userId: a.userId,
    roomId: a.roomId,
    createdAt: a.createdAt,
  };
}
