import type { Audience } from '../rules/audiences.js';

/** The seed writes `/ressource/{ressource-id}`; path template variables may not hold a hyphen, so the binding names it ressourceId. */
export const ressourcePath = '/ressource/{ressourceId}';
export const pagingNote =
  'Newest first (ties by id). cursor: the nextCursor of the previous page (empty when hasMore is false); limit: 20 by default, at most 100.';
export const readRule =
  'workspace_ressources scope; owner, shared with the person, or admin of its workspace (a workspace token: its own ressources)';
export const publishAnswer =
  'Answers 201 with the ressource and `upload`, the resumable upload session its bytes go to (as resource creation answers). ' +
  'privacy defaults to SELF; avatar must be an image resource the caller may use.';

/** How the publishing and listing edges of each audience are documented. */
export interface AudienceEdge {
  kind: Audience['kind'];
  path: string;
  publishRule: string;
  listRule: string;
  publishNote: string;
  listNote: string;
}

export const edges: Record<Audience['kind'], AudienceEdge> = {
  user: {
    kind: 'user',
    path: '/user/ressources',
    publishRule: 'manage_ressources scope and a token pointing to a user',
    listRule: 'workspace_ressources scope and a token pointing to a user',
    publishNote: 'Publishes a ressource to the caller: it is placed in their sorting table and owned by them.',
    listNote: 'The ressources published to the caller (their sorting table).',
  },
  workspace: {
    kind: 'workspace',
    path: '/workspace/ressources',
    publishRule: 'manage_ressources scope; an admin (room owner) of the workspace, or a token pointing to that workspace',
    listRule:
      'workspace_ressources scope; a member of the workspace (admins see every ressource, members what is shared with them), or a token pointing to it',
    publishNote:
      'Publishes a ressource to `workspace` (a chats room of type workspace; a workspace token publishes to its own and may omit it): ' +
      "placed in the workspace's room sorting table. Published by a workspace token, it has no user owner.",
    listNote: 'The ressources attached to `workspace` (its room sorting table) the caller may see; a workspace token lists its own.',
  },
  environment: {
    kind: 'environment',
    path: '/environment/ressources',
    publishRule: 'manage_ressources scope and a token pointing to a user',
    listRule: 'workspace_ressources scope and a token pointing to a user',
    publishNote:
      "Publishes a ressource to the environment, the caller's network (belonging `environment:{networkId}`); others find it there " +
      'once its privacy shares it with them.',
    listNote: "The ressources published to the caller's network that the caller may see: their own and those shared with them.",
  },
};

const capitalized = (kind: string) => `${kind[0].toUpperCase()}${kind.slice(1)}`;
const whose = (kind: Audience['kind']) => (kind === 'user' ? 'the caller' : `a ${kind}`);

/** The name, summary, description, binding and permission of an audience's publishing edge. */
export const publishDocs = (edge: AudienceEdge) => ({
  name: `ressource.publishTo${capitalized(edge.kind)}`,
  summary: `Publish a ressource to ${whose(edge.kind)} (seed 004 ${edge.path})`,
  description: `${edge.publishNote} ${publishAnswer}`,
  bindings: { http: [{ method: 'POST' as const, path: edge.path }] },
  permission: edge.publishRule,
});

/** The name, summary, description, binding and permission of an audience's listing edge. */
export const listDocs = (edge: AudienceEdge) => ({
  name: `ressource.list${capitalized(edge.kind)}Ressources`,
  summary: `List the ressources of ${whose(edge.kind)} the caller may see (seed 004 ${edge.path})`,
  description: `${edge.listNote} ${pagingNote}`,
  bindings: { http: [{ method: 'GET' as const, path: edge.path }] },
  permission: edge.listRule,
});
