import { operation } from '../../../shared/registry/define.js';
import { guardResourceAccess } from '../../../shared/access/revocations.js';
import { moveResource, updateAttributes } from '../store/change.js';
import { empty, moveRequest, resourceEnvelope, resourceIdRequest, updateAttributesRequest } from '../schemas/resource.js';
import { trashResources } from '../../../shared/resources/trash.js';

const writeRule = 'owner of the resource, or manager of its belonging (room or workspace owner)';

export const updateAttributesOp = operation({
  name: 'resource:updateAttributes',
  summary: 'Set attributes, merge params into customParams (null removes a key), replace actions',
  permission: writeRule,
  request: updateAttributesRequest,
  response: resourceEnvelope,
}).handle(async (ctx, input) => ({ resource: await updateAttributes(ctx, input) }));

export const moveOp = operation({
  name: 'resource:move',
  summary: 'Move a resource to another belonging (a directory never into itself or below itself)',
  permission: `${writeRule}; write access to the target belonging`,
  request: moveRequest,
  response: empty,
}).handle((ctx, input) => guardResourceAccess(ctx, [input.resourceId], (guarded) => moveResource(guarded, input)));

export const deleteOp = operation({
  name: 'resource:delete',
  summary: "Move a resource to its owner's trashcan, remembering where it was",
  permission: writeRule,
  request: resourceIdRequest,
  response: empty,
}).handle(async (ctx, input) => {
  await guardResourceAccess(ctx, [input.resourceId], (guarded) => trashResources(guarded, [input.resourceId]));
  return {};
});
