import { chatsAttachmentsFamily } from '../../functions/chats-attachments/family.js';
import { chatsRoomsFamily } from '../../functions/chats-rooms/family.js';
import { chatsUsersFamily } from '../../functions/chats-users/family.js';
import { resourceContentFamily } from '../../functions/resource-content/family.js';
import { resourcesFamily } from '../../functions/resources/family.js';
import { propsFamily } from '../../functions/props/family.js';
import { resourceIntegrationsFamily } from '../../functions/resource-integrations/family.js';
import { ressourcesFamily } from '../../functions/ressources/family.js';
import { reactionsFamily } from '../../functions/reactions/family.js';
import { systemFamily } from '../../functions/system/family.js';
import { resourceMediaFamily } from '../../functions/resource-media/family.js';
import type { Family } from './family.js';
import type { AnyOperation, EventDefinition } from './types.js';

/** Every deployable endpoint family. The gateway, the relay, the docs and the infra checks read this list. */
export const families: Family[] = [
  systemFamily,
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

export const allOperations = (): AnyOperation[] => families.flatMap((f) => f.operations);
export const allEvents = (): EventDefinition[] => families.flatMap((f) => f.events);
