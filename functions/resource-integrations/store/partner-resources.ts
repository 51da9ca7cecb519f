import type { Principal } from '../../../shared/auth/principal.js';
import type { EventPublisher } from '../../../shared/registry/types.js';
import type { ResourceDoc } from '../../../shared/resources/model.js';
import { insertResources, type ResourceDraft } from '../../../shared/resources/insert.js';
import type { ResolvedPlacement } from '../../../shared/resources/placement.js';

/** What an integration decides about a new resource; the rest (ids, times, owner, placement) is filled in. */
export type PartnerDraft = Pick<
  ResourceDraft,
  'id' | 'title' | 'description' | 'date' | 'category' | 'metadata' | 'thumbnail' | 'data' | 'status'
>;

/**
 * Creates the caller's drafts at the placement exactly as resource:create does (the shared insert);
 * partner resources need no processing, so they are `ready` unless a draft says otherwise.
 */
export async function insertPartnerResources(
  events: EventPublisher,
  principal: Principal,
  placement: ResolvedPlacement,
  drafts: PartnerDraft[],
): Promise<ResourceDoc[]> {
  return insertResources(
    events,
    principal,
    placement,
    drafts.map((draft) => ({ ...draft, status: draft.status ?? 'ready' })),
  );
}
