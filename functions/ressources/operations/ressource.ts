import { guardResourceAccess } from '../../../shared/access/revocations.js';
import { mayReadResourceForAvatar, ressourceAccess } from '../../../shared/access/ressources.js';
import { badRequest } from '../../../shared/errors/api-error.js';
import { operation } from '../../../shared/registry/define.js';
import type { EventPublisher } from '../../../shared/registry/types.js';
import { trashResources } from '../../../shared/resources/trash.js';
import { ressourcePath as path } from '../schemas/docs.js';
import { byIdRequest, ressourceSchema, successSchema, updateRequest } from '../schemas/ressource.js';
import { saveUpdate } from '../store/update.js';
import { ressourceView } from '../views.js';

export const getRessource = operation({
  name: 'ressource.get',
  summary: 'Read a ressource: owner, workspace and privacy of a resource (seed 004)',
  bindings: { http: [{ method: 'GET', path }] },
  workspaceTokens: true,
  permission:
    'workspace_ressources scope; owner, shared with the person, or admin of its workspace (a workspace token: its own ressources)',
  request: byIdRequest,
  response: ressourceSchema,
}).handle(async (ctx, input) => {
  const { doc, workspaceId } = await ressourceAccess(ctx.principal, input.ressourceId, 'read');
  return ressourceView(doc, workspaceId);
});

export const updateRessource = operation({
  name: 'ressource.update',
  summary: 'Update the avatar and privacy of a ressource (seed 004)',
  bindings: { http: [{ method: 'PUT', path }] },
  workspaceTokens: true,
  permission: 'manage_ressources scope and a user token; owner, shared with WRITE permission, or admin of its workspace',
  request: updateRequest,
  response: successSchema,
}).handle(async (ctx, input) => {
  const access = await ressourceAccess(ctx.principal, input.ressourceId, 'manage');
  if (input.avatar && !(await mayReadResourceForAvatar(ctx.principal, input.avatar)))
    throw badRequest(`avatar ${input.avatar} is not a photo you may use`);
  const write = (events: EventPublisher) => saveUpdate(ctx.principal, access, input, events);
  // a narrower privacy takes the ressource out of the sight of users it was shared with
  if (input.privacy) await guardResourceAccess(ctx, [access.doc.id], (guarded) => write(guarded.events));
  else await write(ctx.events);
  return { success: true };
});

export const deleteRessource = operation({
  name: 'ressource.delete',
  summary: "Delete a ressource (seed 004): it moves to its owner's trashcan, from where it can be restored",
  bindings: { http: [{ method: 'DELETE', path }] },
  workspaceTokens: true,
  permission: 'as for updating: manage_ressources scope and a user token; owner, shared with WRITE permission, or admin of its workspace',
  request: byIdRequest,
  response: successSchema,
}).handle(async (ctx, input) => {
  await ressourceAccess(ctx.principal, input.ressourceId, 'manage');
  await guardResourceAccess(ctx, [input.ressourceId], (guarded) => trashResources(guarded, [input.ressourceId]));
  return { success: true };
});
