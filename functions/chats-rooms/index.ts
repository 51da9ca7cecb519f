import { serveFamily } from '../../shared/transport/serve-family.js';
import { chatsRoomsFamily } from './family.js';

export const chatsRooms = serveFamily(chatsRoomsFamily);
