import type { Family } from '../../shared/registry/family.js';
import { getRessource, updateRessource } from './operations.js';

export const ressourcesFamily: Family = {
  name: 'ressources',
  description: 'The "ressource" view of seed 004: owner, workspace and privacy of a resource, with its permission rules',
  operations: [getRessource, updateRessource],
  events: [],
};
