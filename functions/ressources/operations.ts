import { badRequest } from '../../shared/errors/api-error.js';
import { mayReadResourceForAvatar } from './avatar.js';
import { defineOperation } from '../../shared/registry/types.js';
import { guardResourceAccess } from '../../shared/access/revocations.js';
import { trashResources } from '../resources/store/trash.js';
import type { Privacy } from '../../shared/access/privacy.js';
import { ressourceAccess } from './access.js';
import { saveUpdate } from './update.js';
import { ressourceView } from './view.js';
import { byIdRequest, ressourceSchema, successSchema, updateRequest } from './schemas.js';

const family = 'ressources';
/** The seed writes `/ressource/{ressource-id}`; path template variables may not hold a hyphen, so the binding names it ressourceId. */
const path = '/ressource/{ressourceId}';

export const getRessource = defineOperation<{ ressourceId: string }, unknown>({
  name: 'ressource.get',
  family,
  summary: 'Read a ressource: owner, workspace and privacy of a resource (seed 004)',
  bindings: { http: [{ method: 'GET', path }] },
  auth: 'required',
  workspaceTokens: true,
  permission: 'workspace_ressources scope; owner, shared with the person, or admin of its workspace (a workspace token: its own ressources)',
  request: byIdRequest,
  response: ressourceSchema,
  handler: async (ctx, input) => {
    const { doc, workspaceId } = await ressourceAccess(ctx.principal, input.ressourceId, 'read');
    return ressourceView(doc, workspaceId);
  },
});

export const updateRessource = defineOperation<{ ressourceId: string; avatar?: string; privacy?: Privacy }, unknown>({
  name: 'ressource.update',
  family,
  summary: 'Update the avatar and privacy of a ressource (seed 004)',
  bindings: { http: [{ method: 'PUT', path }] },
  auth: 'required',
  workspaceTokens: true,
  permission: 'manage_ressources scope and a user token; owner, shared with WRITE permission, or admin of its workspace',
  request: updateRequest,
  response: successSchema,
  handler: async (ctx, input) => {
    const access = await ressourceAccess(ctx.principal, input.ressourceId, 'manage');
    if (input.avatar && !(await mayReadResourceForAvatar(ctx.principal, input.avatar))) throw badRequest(`avatar ${input.avatar} is not a photo you may use`);
    const write = () => saveUpdate(ctx.principal, access, input);
    // a narrower privacy takes the ressource out of the sight of users it was shared with
    if (input.privacy) await guardResourceAccess(ctx, [access.doc.id], write);
    else await write();
    return { success: true };
  },
});

export const deleteRessource = defineOperation<{ ressourceId: string }, unknown>({
  name: 'ressource.delete',
  family,
  summary: 'Delete a ressource (seed 004): it moves to its owner\'s trashcan, from where it can be restored',
  bindings: { http: [{ method: 'DELETE', path }] },
  auth: 'required',
  workspaceTokens: true,
  permission: 'as for updating: manage_ressources scope and a user token; owner, shared with WRITE permission, or admin of its workspace',
  request: byIdRequest,
  response: successSchema,
  handler: async (ctx, input) => {
    await ressourceAccess(ctx.principal, input.ressourceId, 'manage');
    await guardResourceAccess(ctx, [input.ressourceId], (guarded) => trashResources(guarded, [input.ressourceId]));
    return { success: true };
  },
});
