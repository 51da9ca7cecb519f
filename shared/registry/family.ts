import type { AnyOperation, EventDefinition } from './types.js';

/** A deployable endpoint family: its operations and the events it publishes. One Cloud Function each. */
export interface Family {
  /** Cloud Function name, also the family name in every operation of it. */
  name: string;
  description: string;
  operations: AnyOperation[];
  events: EventDefinition[];
}
