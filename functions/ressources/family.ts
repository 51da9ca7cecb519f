import type { Family } from '../../shared/registry/family.js';
import { edgeOperations } from './edges.js';
import { deleteRessource, getRessource, updateRessource } from './operations.js';

export const ressourcesFamily: Family = {
  name: 'ressources',
  description: 'The "ressource" view of seed 004: owner, workspace and privacy of a resource, its publishing edges, photos and feed, with its permission rules',
  operations: [getRessource, updateRessource, deleteRessource, ...edgeOperations],
  events: [],
};
