import type { Principal } from '../../shared/auth/principal.js';
import { hasScope } from '../../shared/auth/principal.js';
import { DEFAULT_PRIVACY, ressourceRights, viewerOf, type Privacy, type RessourceRights, type Viewer } from '../../shared/access/privacy.js';
import { forbidden, notFound } from '../../shared/errors/api-error.js';
import type { ResourceDoc } from '../../shared/resources/model.js';
import { loadResource } from '../../shared/resources/repository.js';
import { readRoom } from '../../shared/rooms/repository.js';

export type RessourceDoc = ResourceDoc & { privacy?: Privacy; avatar?: string };

export interface RessourceAccess {
  doc: RessourceDoc;
  workspaceId?: string;
  privacy: Privacy;
  viewer: Viewer;
  rights: RessourceRights;
}

export const READ_SCOPE = 'workspace_ressources';
export const MANAGE_SCOPE = 'manage_ressources';

/** 403 unless the token holds the seed 004 permission (scope) the operation needs. */
export function requireScope(principal: Principal, scope: typeof READ_SCOPE | typeof MANAGE_SCOPE): void {
  if (!hasScope(principal, scope)) throw forbidden(`the token lacks the ${scope} permission`);
}

/** 403 for a token pointing to a workspace where the seed asks for one pointing to a user. */
export function requireUserToken(principal: Principal, what: string): void {
  if (principal.workspaceId) throw forbidden(`${what} needs an access token pointing to a user`);
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

/**
 * Seed 004's rules on one ressource (shared/access/privacy.ts `ressourceRights`). Reading needs
 * the `workspace_ressources` scope; managing (update, delete, attaching photos) needs
 * `manage_ressources` and a token pointing to a user. A ressource the caller may not read, or one
 * in the trashcan, answers 404; one they read but may not manage 403.
 */
export async function ressourceAccess(principal: Principal, id: string, purpose: 'read' | 'manage'): Promise<RessourceAccess> {
  requireScope(principal, purpose === 'read' ? READ_SCOPE : MANAGE_SCOPE);
  const doc = (await loadResource(id)) as RessourceDoc | undefined;
  if (!doc || doc.belongingType === 'trashcan') throw notFound('ressource');
  const [workspaceId, viewer] = await Promise.all([workspaceOf(doc), viewerOf(principal)]);
  const rights = ressourceRights(viewer, doc, workspaceId);
  if (!rights.read) throw notFound('ressource');
  if (purpose === 'manage') {
    requireUserToken(principal, 'managing a ressource');
    if (!rights.manage) throw forbidden('managing this ressource needs its ownership, a WRITE share or admin rights on its workspace');
  }
  return { doc, workspaceId, privacy: doc.privacy ?? DEFAULT_PRIVACY, viewer, rights };
}
