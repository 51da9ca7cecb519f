import { defineFamily } from '../../shared/registry/define.js';
import { attachmentEvents } from './events.js';
import { deleteAttachment, getAttachment, getAttachmentInfo, insertAttachment, listRoomAttachmentInfo } from './operations/attachments.js';
import { getImagePreview, getImageThumbnail, getPdfPreview, getPdfThumbnail } from './operations/previews.js';

export const chatsAttachmentsFamily = defineFamily('chats-attachments', {
  description: 'Chats (seed 003): room attachments and their image/PDF previews',
  defaults: { restStyle: 'chats' },
  operations: [
    insertAttachment,
    listRoomAttachmentInfo,
    getAttachmentInfo,
    getAttachment,
    deleteAttachment,
    getImagePreview,
    getImageThumbnail,
    getPdfPreview,
    getPdfThumbnail,
  ],
  events: Object.values(attachmentEvents),
});
