import { operation } from '../../../shared/registry/define.js';
import { audience } from '../rules/audiences.js';
import { edges, listDocs } from '../schemas/docs.js';
import { listRequest, listWorkspaceRequest, ressourcePageSchema } from '../schemas/ressource.js';
import { listRessources } from '../store/listing.js';

const listOf = (kind: 'user' | 'environment') =>
  operation({ ...listDocs(edges[kind]), workspaceTokens: true, request: listRequest, response: ressourcePageSchema }).handle((ctx, input) =>
    listRessources(ctx.principal, audience(kind), input),
  );

export const listUserRessources = listOf('user');

export const listWorkspaceRessources = operation({
  ...listDocs(edges.workspace),
  workspaceTokens: true,
  request: listWorkspaceRequest,
  response: ressourcePageSchema,
}).handle((ctx, input) => listRessources(ctx.principal, audience('workspace', input.workspace), input));

export const listEnvironmentRessources = listOf('environment');
