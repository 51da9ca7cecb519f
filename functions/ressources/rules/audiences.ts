import { listableWorkspace, publishableWorkspace, requireUserToken } from '../../../shared/access/ressources.js';
import type { Principal } from '../../../shared/auth/principal.js';

/** Where a ressource is published: the caller's sorting table, a workspace's room sorting table, or the network. */
export type Audience = { kind: 'user' } | { kind: 'workspace'; workspace?: string } | { kind: 'environment' };

export const audience = (kind: Audience['kind'], workspace?: string): Audience => (kind === 'workspace' ? { kind, workspace } : { kind });

/** The belonging a new ressource goes to (and its network and workspace), once the caller may publish there. */
export async function publishDestination(
  principal: Principal,
  audience: Audience,
): Promise<{ belonging: string; networkId: string; workspaceId?: string }> {
  switch (audience.kind) {
    case 'user':
      requireUserToken(principal, 'publishing to /user/ressources');
      return { belonging: `userSortingTable:${principal.userId}`, networkId: principal.networkId };
    case 'environment':
      requireUserToken(principal, 'publishing to /environment/ressources');
      return { belonging: `environment:${principal.networkId}`, networkId: principal.networkId };
    case 'workspace': {
      const room = await publishableWorkspace(principal, audience.workspace);
      return { belonging: `roomSortingTable:${room.id}`, networkId: room.networkId, workspaceId: room.id };
    }
  }
}

/** The belonging a listing reads (and its workspace), once the caller may list it. */
export async function listedBelonging(principal: Principal, audience: Audience): Promise<{ belonging: string; workspaceId?: string }> {
  switch (audience.kind) {
    case 'user':
      requireUserToken(principal, 'listing /user/ressources');
      return { belonging: `userSortingTable:${principal.userId}` };
    case 'environment':
      requireUserToken(principal, 'listing /environment/ressources');
      return { belonging: `environment:${principal.networkId}` };
    case 'workspace': {
      const workspaceId = await listableWorkspace(principal, audience.workspace);
      return { belonging: `roomSortingTable:${workspaceId}`, workspaceId };
    }
  }
}
