import type { OperationContext } from '../../../shared/registry/types.js';
import { insertResources } from '../../../shared/resources/insert.js';
import type { ResourceDoc } from '../../../shared/resources/model.js';
import { resolvePlacement, type Placement } from '../../../shared/resources/placement.js';

/** What an import chooses for a new resource; identity, placement and ownership are filled in here. */
export type NewResourceFields = Pick<ResourceDoc, 'status'> & Partial<Pick<ResourceDoc, 'title' | 'metadata' | 'data' | 'storagePath'>>;

/**
 * Creates a resource at the placement the caller chose, exactly as resource:create does (placement
 * rules, directory counts, prop positions), and queues the events announcing it; they are
 * published once the operation returns.
 */
export async function insertResource(ctx: OperationContext, placement: Placement, fields: NewResourceFields): Promise<ResourceDoc> {
  const resolved = await resolvePlacement(ctx.principal, placement);
  const [doc] = await insertResources(ctx.events, ctx.principal, resolved, [fields]);
  return doc;
}
