import type { AnyOperation, EventDefinition } from '../../shared/registry/types.js';
import { attachmentEvents } from './events.js';
import {
  deleteAttachment,
  getAttachment,
  getAttachmentInfo,
  insertAttachment,
  listRoomAttachmentInfo,
} from './operations/attachments.js';
import { getImagePreview, getImageThumbnail, getPdfPreview, getPdfThumbnail } from './operations/previews.js';

/** Seed 003 attachments and their previews. */
export const operations: AnyOperation[] = [
  insertAttachment,
  listRoomAttachmentInfo,
  getAttachmentInfo,
  getAttachment,
  deleteAttachment,
  getImagePreview,
  getImageThumbnail,
  getPdfPreview,
  getPdfThumbnail,
];

export const events: EventDefinition[] = Object.values(attachmentEvents);
