import { serveFamily } from '../../shared/transport/serve-family.js';
import { chatsAttachmentsFamily } from './family.js';

export const chatsAttachments = serveFamily(chatsAttachmentsFamily);
