import type { Family } from '../../shared/registry/family.js';
import { changePropContent, changeResourcePosition, getPropContent, getPropModel, updateProp } from './operations.js';

export const propsFamily: Family = {
  name: 'props',
  description: 'Prop API (seed 001): props standing in rooms and the ordered content they show',
  operations: [getPropModel, getPropContent, changePropContent, changeResourcePosition, updateProp],
  events: [],
};
