import type { AttachmentRecord } from '../../shared/rooms/attachments.js';

export interface AttachmentView {
  id: string;
  name: string;
  size: number;
  mimeType: string;
  userId: string;
  roomId: string;
  createdAt: string;
  area?: string;
}

export function attachmentView(a: AttachmentRecord): AttachmentView {
  const view: AttachmentView = {
    id: a.id,
    name: a.name,
    size: a.size,
    mimeType: a.mimeType,
    userId: a.userId,
    roomId: a.roomId,
    createdAt: a.createdAt,
  };
  if (a.area !== undefined) view.area = a.area;
  return view;
}
