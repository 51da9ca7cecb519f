import type { Principal } from '../../shared/auth/principal.js';
import { ressourceRights, viewerOf } from '../../shared/access/privacy.js';
import { badRequest, notFound } from '../../shared/errors/api-error.js';
import { readRoom } from '../../shared/rooms/repository.js';
import { READ_SCOPE, requireScope, requireUserToken } from './access.js';
import { visiblePage } from './listing.js';
import type { Audience } from './publish.js';
import { ressourceView } from './view.js';

export interface Paging {
  cursor?: string;
  limit: number;
}

/** The workspace a listing reads: the token's own, or one the user is a member of (404 otherwise). */
async function listedWorkspace(principal: Principal, requested: string | undefined): Promise<string> {
  if (principal.workspaceId && requested && requested !== principal.workspaceId) throw notFound('workspace');
  const id = principal.workspaceId ?? requested;
  if (!id) throw badRequest('workspace is required: the id of the workspace to list');
  const room = await readRoom(id);
  if (!room || room.type !== 'workspace') throw notFound('workspace');
  if (!principal.workspaceId && !room.members.some((m) => m.userId === principal.userId)) throw notFound('workspace');
  return id;
}

async function listedBelonging(principal: Principal, audience: Audience): Promise<{ belonging: string; workspaceId?: string }> {
  switch (audience.kind) {
    case 'user':
      requireUserToken(principal, 'listing /user/ressources');
      return { belonging: `userSortingTable:${principal.userId}` };
    case 'environment':
      requireUserToken(principal, 'listing /environment/ressources');
      return { belonging: `environment:${principal.networkId}` };
    case 'workspace': {
      const workspaceId = await listedWorkspace(principal, audience.workspace);
      return { belonging: `roomSortingTable:${workspaceId}`, workspaceId };
    }
  }
}

/** A page of the ressources published to an audience that the caller may read (seed 004 rules). */
export async function listRessources(principal: Principal, audience: Audience, paging: Paging): Promise<Record<string, unknown>> {
  requireScope(principal, READ_SCOPE);
  const { belonging, workspaceId } = await listedBelonging(principal, audience);
  const viewer = await viewerOf(principal);
  const page = await visiblePage(belonging, paging.cursor, paging.limit, (doc) => ressourceRights(viewer, doc, workspaceId).read);
  return { ressources: page.docs.map((doc) => ressourceView(doc, workspaceId)), nextCursor: page.nextCursor, hasMore: page.hasMore };
}
