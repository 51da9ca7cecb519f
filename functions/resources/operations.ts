import type { AnyOperation, EventDefinition } from '../../shared/registry/types.js';
import { resourceEvents } from './events.js';
import { changeOperations } from './ops/change.js';
import { createOperations } from './ops/create.js';
import { readOperations } from './ops/read.js';
import { sortingTableOperations } from './ops/sorting-tables.js';

export const operations: AnyOperation[] = [...createOperations, ...readOperations, ...changeOperations, ...sortingTableOperations];
export const events: EventDefinition[] = resourceEvents;
