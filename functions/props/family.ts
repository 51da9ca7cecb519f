import type { Family } from '../../shared/registry/family.js';
import { propEvents } from './events.js';
import { createProp, deleteProp, updateProp } from './operations/admin.js';
import { changePropContent, changeResourcePosition, getPropContent } from './operations/content.js';
import { getPropModel, listProps } from './operations/model.js';

export const propsFamily: Family = {
  name: 'props',
  description: 'Prop API (seed 001): props standing in rooms and the ordered content they show, and their administration (extension)',
  operations: [getPropModel, getPropContent, changePropContent, changeResourcePosition, updateProp, createProp, deleteProp, listProps],
  events: Object.values(propEvents),
};
