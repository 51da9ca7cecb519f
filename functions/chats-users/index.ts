import { serveFamily } from '../../shared/transport/serve-family.js';
import { chatsUsersFamily } from './family.js';

export const chatsUsers = serveFamily(chatsUsersFamily);
