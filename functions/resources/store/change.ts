import { requireWritableBelonging } from '../../../shared/access/belongings.js';
import { badRequest, notFound } from '../../../shared/errors/api-error.js';
import { transactionWithEvents } from '../../../shared/events/outbox.js';
import type { InputOf } from '../../../shared/registry/schema-types.js';
import type { OperationContext } from '../../../shared/registry/types.js';
import { formatBelonging } from '../../../shared/resources/belonging.js';
import { emitMoves, emitUpdated } from '../../../shared/resources/change-events.js';
import { readResource, resourceRef } from '../../../shared/resources/collection.js';
import { toClientResource, type ClientResource, type ResourceDoc } from '../../../shared/resources/model.js';
import { resolveNetwork } from '../../../shared/resources/placement.js';
import { moveWithPlan, type FieldChanges } from '../../../shared/resources/relocate.js';
import { locateWritableResource } from '../../../shared/resources/repository.js';
import { searchPrefixesOf } from '../../../shared/resources/search-words.js';
import { recordActivity } from '../../../shared/ressources/activity.js';
import type { moveRequest, updateAttributesRequest } from '../schemas/resource.js';

/** Attributes are set, `params` merged into `customParams` (null removes a key), `actions` replaced. */
export async function updateAttributes(ctx: OperationContext, input: InputOf<typeof updateAttributesRequest>): Promise<ClientResource> {
  if (!input.attributes && !input.params && !input.actions) throw badRequest('nothing to update: give attributes, params or actions');
  const { chain } = await locateWritableResource(ctx.principal, input.resource);
  return transactionWithEvents(ctx.events, async (tx, events) => {
    const doc = await readResource(input.resource, tx);
    if (!doc) throw notFound('resource');
    const changes: Partial<ResourceDoc> = { ...input.attributes, updated: Date.now() };
    if (input.params) {
      const merged: Record<string, unknown> = { ...(doc.customParams ?? {}) };
      for (const [key, value] of Object.entries(input.params)) {
        if (value === null) delete merged[key];
        else merged[key] = value;
      }
      changes.customParams = merged;
    }
    if (input.actions) changes.actions = input.actions;
    recordActivity(tx, doc.id, ctx.principal, 'updated', { fields: Object.keys(changes).filter((field) => field !== 'updated') });
    const next = { ...doc, ...changes };
    changes.searchPrefixes = searchPrefixesOf(next.title, next.description);
    tx.update(resourceRef(doc.id), changes);
    const resource = toClientResource({ ...next, searchPrefixes: changes.searchPrefixes });
    emitUpdated(events, chain, resource);
    return resource;
  });
}

/** Moves a resource the caller may change to a belonging the caller may write; out of the trashcan it forgets where it was. */
export async function moveResource(ctx: OperationContext, input: InputOf<typeof moveRequest>): Promise<Record<string, never>> {
  const plan = async () => {
    const { doc, chain } = await locateWritableResource(ctx.principal, input.resourceId);
    const target = await requireWritableBelonging(ctx.principal, input.belonging);
    const networkId = resolveNetwork(input.networkId, target.belonging.networkId);
    const to = formatBelonging(target.belonging);
    if (to === `directory:${doc.id}` || target.directories.some((d) => d.id === doc.id)) {
      throw badRequest(`directory ${doc.id} cannot be moved into itself or one of its own directories`);
    }
    const set: FieldChanges = networkId ? { networkId } : {};
    const unchanged = doc.belonging === to && (networkId === undefined || networkId === doc.networkId);
    return { moves: unchanged ? [] : [{ before: doc, to: target.belonging, set }], result: { from: chain, to: target } };
  };
  await moveWithPlan(ctx.events, plan, (events, moved, { from, to }) => emitMoves(events, [{ from, to, after: moved[0].after }]));
  return {};
}
