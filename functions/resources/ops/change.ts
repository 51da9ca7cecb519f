import { defineOperation } from '../../../shared/registry/types.js';
import { guardResourceAccess } from '../../../shared/access/revocations.js';
import { moveResource, updateAttributes, type MoveInput, type UpdateAttributesInput } from '../change.js';
import { empty, moveRequest, resourceEnvelope, resourceIdRequest, updateAttributesRequest } from '../schemas.js';
import { trashResources } from '../trash.js';

const family = 'resources';
const writeRule = 'owner of the resource, or manager of its belonging (room or workspace owner)';

export const updateAttributesOp = defineOperation<UpdateAttributesInput, unknown>({
  name: 'resource:updateAttributes',
  family,
  summary: 'Set attributes, merge params into customParams (null removes a key), replace actions',
  bindings: { websocket: 'resource:updateAttributes' },
  auth: 'required',
  permission: writeRule,
  request: updateAttributesRequest,
  response: resourceEnvelope,
  handler: async (ctx, input) => ({ resource: await updateAttributes(ctx, input) }),
});

export const moveOp = defineOperation<MoveInput, unknown>({
  name: 'resource:move',
  family,
  summary: 'Move a resource to another belonging (a directory never into itself or below itself)',
  bindings: { websocket: 'resource:move' },
  auth: 'required',
  permission: `${writeRule}; write access to the target belonging`,
  request: moveRequest,
  response: empty,
  handler: (ctx, input) => guardResourceAccess(ctx, [input.resourceId], (guarded) => moveResource(guarded, input)),
});

export const deleteOp = defineOperation<{ resourceId: string }, unknown>({
  name: 'resource:delete',
  family,
  summary: "Move a resource to its owner's trashcan, remembering where it was",
  bindings: { websocket: 'resource:delete' },
  auth: 'required',
  permission: writeRule,
  request: resourceIdRequest,
  response: empty,
  handler: async (ctx, input) => {
    await guardResourceAccess(ctx, [input.resourceId], (guarded) => trashResources(guarded, [input.resourceId]));
    return {};
  },
});

export const changeOperations = [updateAttributesOp, moveOp, deleteOp];
