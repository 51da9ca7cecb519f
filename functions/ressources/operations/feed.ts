import { ressourceAccess } from '../../../shared/access/ressources.js';
import { operation } from '../../../shared/registry/define.js';
import { pagingNote, readRule, ressourcePath } from '../schemas/docs.js';
import { feedPageSchema, pagedRequest } from '../schemas/ressource.js';
import { feedPage } from '../store/feed.js';

export const getFeed = operation({
  name: 'ressource.getFeed',
  summary: 'The activity of a ressource (seed 004 edge /feed): created, updated, privacy changed, photos added, reactions',
  description: `Each entry says what happened (type), who (from: a user or a workspace) and when (created_time); the last one is its creation. ${pagingNote}`,
  bindings: { http: [{ method: 'GET', path: `${ressourcePath}/feed` }] },
  workspaceTokens: true,
  permission: readRule,
  request: pagedRequest,
  response: feedPageSchema,
}).handle(async (ctx, input) => {
  const { doc, workspaceId } = await ressourceAccess(ctx.principal, input.ressourceId, 'read');
  return feedPage(doc, workspaceId, input.cursor, input.limit);
});
