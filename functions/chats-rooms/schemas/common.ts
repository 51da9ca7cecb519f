import type { JsonSchema } from '../../../shared/registry/types.js';

export const uuid: JsonSchema = { type: 'string', format: 'uuid' };
export const dateTime: JsonSchema = { type: 'string', format: 'date-time' };

/** Request schema of an operation whose only input is path ids. */
export function pathIds(...names: string[]): JsonSchema {
  return {
    type: 'object',
    properties: Object.fromEntries(names.map((n) => [n, uuid])),
    required: names,
  };
}

/** Response schema of operations answering 204 without a body. */
export const noContent: JsonSchema = { description: 'no content (204)' };
