import { http } from '@google-cloud/functions-framework';
import { createFamilyHandler } from '../../shared/transport/family-handler.js';
import { chatsAttachmentsFamily } from './family.js';

export const chatsAttachments = createFamilyHandler(chatsAttachmentsFamily.operations);
http('chats-attachments', chatsAttachments);
