import type { Principal } from '../../shared/auth/principal.js';
import { hasScope } from '../../shared/auth/principal.js';
import { atLeast, DEFAULT_PRIVACY, privacyLevelFor, type Privacy } from '../../shared/access/privacy.js';
import { forbidden, notFound } from '../../shared/errors/api-error.js';
import type { ResourceDoc } from '../../shared/resources/model.js';
import { loadResource } from '../../shared/resources/repository.js';
import { readRoom } from '../../shared/rooms/repository.js';

export type RessourceDoc = ResourceDoc & { privacy?: Privacy; avatar?: string };

export interface RessourceAccess {
  doc: RessourceDoc;
  workspaceId?: string;
  privacy: Privacy;
  canManage: boolean;
}

/** The workspace a resource is attached to: the workspace room its belonging is in (a channel's parent). */
export async function workspaceOf(doc: ResourceDoc): Promise<string | undefined> {
  const match = /^(?:roomSortingTable|room):([^/()]+)/.exec(doc.belonging);
  if (!match) return undefined;
  const room = await readRoom(match[1]);
  if (room?.type === 'workspace') return room.id;
  if (room?.type === 'channel') return room.parentId;
  return undefined;
}

async function isWorkspaceAdmin(userId: string, workspaceId: string | undefined): Promise<boolean> {
  if (!workspaceId) return false;
  const workspace = await readRoom(workspaceId);
  return Boolean(workspace?.members.some((m) => m.userId === userId && m.owner));
}

/**
 * Seed 004's rules. Reading needs the `workspace_ressources` scope and, for a user, ownership, a
 * share (privacy) or being an admin of the resource's workspace; a workspace token reads what is
 * attached to it. Managing needs `manage_ressources`, a user token, and ownership, a WRITE share
 * or workspace admin rights. Resources the caller may not read answer 404.
 */
export async function ressourceAccess(principal: Principal, id: string, purpose: 'read' | 'manage'): Promise<RessourceAccess> {
  const scope = purpose === 'read' ? 'workspace_ressources' : 'manage_ressources';
  if (!hasScope(principal, scope)) throw forbidden(`the token lacks the ${scope} permission`);
  const doc = (await loadResource(id)) as RessourceDoc | undefined;
  if (!doc || doc.belongingType === 'trashcan') throw notFound('ressource');
  const workspaceId = await workspaceOf(doc);
  const privacy = doc.privacy ?? DEFAULT_PRIVACY;

  if (principal.workspaceId) {
    if (principal.workspaceId !== workspaceId) throw notFound('ressource');
    if (purpose === 'manage') throw forbidden('managing a ressource needs a token pointing to a user');
    return { doc, workspaceId, privacy, canManage: false };
  }
  if (doc.ownerId === principal.userId) return { doc, workspaceId, privacy, canManage: true };
  const [level, admin] = await Promise.all([privacyLevelFor(principal, privacy, workspaceId), isWorkspaceAdmin(principal.userId, workspaceId)]);
  const canRead = admin || atLeast(level, 'READ');
  if (!canRead) throw notFound('ressource');
  const canManage = admin || atLeast(level, 'WRITE');
  if (purpose === 'manage' && !canManage) throw forbidden('the ressource is not shared with you with WRITE permission');
  return { doc, workspaceId, privacy, canManage };
}
