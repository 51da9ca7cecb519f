import { idSchema, resourceSchema } from '../../../shared/resources/schema.js';
import { SAFE_ID_PATTERN } from '../../../shared/validation/firestore-limits.js';

export const str = { type: 'string' } as const;
export const int = { type: 'integer' } as const;
export const bool = { type: 'boolean' } as const;

/** An object schema whose listed properties are all required. */
export function required<const P extends Record<string, unknown>>(properties: P) {
  return { type: 'object', required: Object.keys(properties) as Array<keyof P & string>, properties } as const;
}

/** Placement fields of every seed 000 create call: where the new resources go. */
export const placementProperties = {
  parent: idSchema,
  roomId: { type: 'string', pattern: SAFE_ID_PATTERN },
  contributeToRoom: { type: 'string', pattern: SAFE_ID_PATTERN },
  addToSortingTable: bool,
  belonging: { type: 'string', minLength: 3, maxLength: 400 },
} as const;

/** A request object: these properties, nothing else. */
export function request<const P extends Record<string, unknown>, const R extends ReadonlyArray<keyof P & string> = []>(
  properties: P,
  requiredNames?: R,
) {
  return { type: 'object', additionalProperties: false, required: (requiredNames ?? []) as R, properties } as const;
}

export const resourceAnswer = required({ resource: resourceSchema });
export const resourcesAnswer = required({ resources: { type: 'array', items: resourceSchema } });

/** An http(s) URL given by a client. */
export const urlSchema = { type: 'string', minLength: 8, maxLength: 4096, pattern: '^[Hh][Tt][Tt][Pp][Ss]?://' } as const;

/** WebSocket calls whose answer carries no data. */
export const emptyAnswer = { type: 'object', additionalProperties: false, properties: {} } as const;
