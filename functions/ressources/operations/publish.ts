import { operation } from '../../../shared/registry/define.js';
import { audience } from '../rules/audiences.js';
import { edges, publishDocs } from '../schemas/docs.js';
import { publishedSchema, publishRequest, publishToWorkspaceRequest } from '../schemas/ressource.js';
import { publishRessource } from '../store/publish.js';

const publishTo = (kind: 'user' | 'environment') =>
  operation({
    ...publishDocs(edges[kind]),
    workspaceTokens: true,
    successStatus: 201,
    request: publishRequest,
    response: publishedSchema,
  }).handle((ctx, input) => publishRessource(ctx, audience(kind), input));

export const publishToUser = publishTo('user');

export const publishToWorkspace = operation({
  ...publishDocs(edges.workspace),
  workspaceTokens: true,
  successStatus: 201,
  request: publishToWorkspaceRequest,
  response: publishedSchema,
}).handle((ctx, input) => publishRessource(ctx, audience('workspace', input.workspace), input));

export const publishToEnvironment = publishTo('environment');
