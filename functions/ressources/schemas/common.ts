import type { JSONSchema } from 'json-schema-to-ts';

export const uuid = { type: 'string', format: 'uuid' } as const;
export const ids = { type: 'array', items: uuid, maxItems: 500, uniqueItems: true } as const;
export const dateTime = { type: 'string', format: 'date-time' } as const;

/** A closed object schema: only `properties`, `required` of them. */
export function object<const P extends Record<string, JSONSchema>, const R extends readonly (keyof P & string)[] = []>(
  properties: P,
  required?: R,
) {
  return { type: 'object', additionalProperties: false, required: (required ?? []) as R, properties } as const;
}

export const MAX_PAGE_SIZE = 100;
export const paging = {
  cursor: { type: 'string', maxLength: 1000 },
  limit: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 },
} as const;

/** A page of `name` items with the cursor of the next one. */
export function page<const N extends string, const I extends JSONSchema>(name: N, items: I) {
  const properties = { [name]: { type: 'array', items }, nextCursor: { type: 'string' }, hasMore: { type: 'boolean' } } as {
    [K in N]: { readonly type: 'array'; readonly items: I };
  } & { readonly nextCursor: { readonly type: 'string' }; readonly hasMore: { readonly type: 'boolean' } };
  return object(properties, [name, 'nextCursor', 'hasMore'] as const);
}
