import { badRequest } from '../errors/api-error.js';
import type { JsonSchema } from '../registry/types.js';

/**
 * A string property whose values are matched without regard to letter case, as seed 003's
 * reference parses its enums. Validation leaves such values to {@link anyCaseEnumValue}, which
 * names the field and the allowed values when one does not match.
 */
export function anyCaseEnum<const E extends JsonSchema = Record<never, never>>(values: readonly string[], extra: E = {} as E) {
  return { type: 'string', description: `One of ${values.join(', ')}, in any letter case.`, examples: [...values], ...extra } as const;
}

/**
 * The canonical spelling of `value` among `values` (letter case ignored); `aliases` (lower-case
 * keys) name further accepted spellings. 400 naming `field` otherwise.
 */
export function anyCaseEnumValue<T extends string>(values: readonly T[], value: string, field: string, aliases: Record<string, T> = {}): T {
  const lower = value.toLowerCase();
  const found = values.find((v) => v.toLowerCase() === lower) ?? aliases[lower];
  if (found === undefined) throw badRequest(`${field} must be one of ${values.join(', ')} (any letter case); got "${value}"`);
  return found;
}
