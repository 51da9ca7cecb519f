import type { Principal } from '../../shared/auth/principal.js';
import { forbidden } from '../../shared/errors/api-error.js';
import { formatBelonging, parseBelonging } from '../../shared/resources/belonging.js';
import type { Placement } from '../../shared/resources/placement.js';

/**
 * @deprecated The first slice's synchronous placement, kept only until functions/resource-media
 * moves to `resolvePlacement` + `insertResources` (shared/resources), which handle every
 * placement (directories with exact counts, rooms, props, communities) and their events. It
 * knows only the caller's own per-user belongings and otherwise answers the sorting table.
 */
export function resolveBelonging(principal: Principal, placement: Placement): string {
  if (placement.belonging) {
    const b = parseBelonging(placement.belonging);
    if (b.type !== 'userSortingTable' && b.type !== 'userAIGeneration' && b.type !== 'uploadSession') {
      throw forbidden(`belonging ${b.type} is not writable yet`);
    }
    if (b.path.split('/')[0] !== principal.userId) throw forbidden('belonging belongs to another user');
    return formatBelonging(b);
  }
  return formatBelonging({ type: 'userSortingTable', path: principal.userId });
}
