import type { JsonSchema } from '../registry/types.js';

const NUMBER = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;

function typesOf(schema: JsonSchema | undefined): string[] {
  const type = schema?.type;
  return Array.isArray(type) ? (type as string[]) : typeof type === 'string' ? [type] : [];
}

function coerceOne(value: string, schema: JsonSchema | undefined): unknown {
  const types = typesOf(schema);
  if (types.includes('string') || types.length === 0) return value;
  if ((types.includes('integer') || types.includes('number')) && NUMBER.test(value)) return Number(value);
  if (types.includes('boolean') && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

/**
 * Path and query values arrive as strings: convert them to the types their schema property asks
 * for (numbers, booleans, arrays). JSON body values are never coerced.
 */
export function coerceStringValues(schema: JsonSchema, values: Record<string, unknown>): Record<string, unknown> {
  const properties = (schema.properties as Record<string, JsonSchema> | undefined) ?? {};
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    const property = properties[name];
    if (typesOf(property).includes('array')) {
      const items = property.items as JsonSchema | undefined;
      const list = Array.isArray(value) ? value : [value];
      out[name] = list.map((v) => (typeof v === 'string' ? coerceOne(v, items) : v));
    } else if (Array.isArray(value)) {
      out[name] = value.length === 1 && typeof value[0] === 'string' ? coerceOne(value[0], property) : value;
    } else {
      out[name] = typeof value === 'string' ? coerceOne(value, property) : value;
    }
  }
  return out;
}
