import { forbidden, notFound } from '../../../shared/errors/api-error.js';
import { formatBelonging, type Belonging } from '../../../shared/resources/belonging.js';
import type { ResolvedPlacement } from '../../../shared/resources/placement.js';

/**
 * A placement decided by the seed 004 rules (publishing, photo uploads) rather than by seed 000's
 * belonging rights: the caller was checked already, the belonging is a root of its own.
 */
export function checkedPlacement(belonging: Belonging, networkId: string): ResolvedPlacement {
  return {
    belonging: formatBelonging(belonging),
    parsed: belonging,
    networkId,
    access: {
      belonging,
      root: belonging,
      directories: [],
      rights: { read: true, write: true, manage: true, hidden: notFound('belonging'), readOnly: forbidden('read only') },
    },
  };
}
