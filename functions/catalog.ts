import type { Family } from '../shared/registry/family.js';
import type { AnyOperation, EventDefinition } from '../shared/registry/types.js';
import { apiFamilies } from './api-families.js';
import { systemFamily } from './system/family.js';

/** Every deployable endpoint family. The gateway, the docs, the generators and the infra checks read this list. */
export const families: Family[] = [systemFamily, ...apiFamilies];

export const allOperations = (): AnyOperation[] => families.flatMap((f) => f.operations);
export const allEvents = (): EventDefinition[] => families.flatMap((f) => f.events);
