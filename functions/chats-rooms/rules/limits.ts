import { envInt } from '../../../shared/config.js';

/** Most members a group or workspace may have, its creator included. */
export const maxGroupMembers = (): number => envInt('CHATS_MAX_GROUP_MEMBERS');
