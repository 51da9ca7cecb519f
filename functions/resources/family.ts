import type { Family } from '../../shared/registry/family.js';
import { events, operations } from './operations.js';

export const resourcesFamily: Family = {
  name: 'resources',
  description: 'Resource API (seed 000): resources, belongings, directories, sorting tables, trashcan',
  operations,
  events,
};
