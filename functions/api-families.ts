import type { Family } from '../shared/registry/family.js';
import { chatsAttachmentsFamily } from './chats-attachments/family.js';
import { chatsRoomsFamily } from './chats-rooms/family.js';
import { chatsUsersFamily } from './chats-users/family.js';
import { propsFamily } from './props/family.js';
import { reactionsFamily } from './reactions/family.js';
import { resourceContentFamily } from './resource-content/family.js';
import { resourceIntegrationsFamily } from './resource-integrations/family.js';
import { resourceMediaFamily } from './resource-media/family.js';
import { resourcesFamily } from './resources/family.js';
import { ressourcesFamily } from './ressources/family.js';

/** The families of the API proper: every deployable endpoint family but `system`, which documents them. */
export const apiFamilies: Family[] = [
  resourcesFamily,
  resourceContentFamily,
  resourceMediaFamily,
  reactionsFamily,
  propsFamily,
  ressourcesFamily,
  chatsRoomsFamily,
  chatsUsersFamily,
  chatsAttachmentsFamily,
  resourceIntegrationsFamily,
];
