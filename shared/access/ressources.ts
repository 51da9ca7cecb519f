import type { Principal } from '../auth/principal.js';
import { hasScope } from '../auth/principal.js';
import { badRequest, forbidden, notFound } from '../errors/api-error.js';
import type { ResourceDoc } from '../resources/model.js';
import { loadResource } from '../resources/repository.js';
import type { RoomRecord } from '../rooms/model.js';
import { readRoom } from '../rooms/repository.js';
import { DEFAULT_PRIVACY, ressourceRights, viewerOf, type Privacy, type RessourceRights, type Viewer } from './privacy.js';
import { mayReadResource } from './resources.js';
import { workspaceOfRoom } from './rooms.js';

/** A resource seen as a seed 004 "ressource": with its privacy and avatar. */
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
async function workspaceOf(doc: ResourceDoc): Promise<string | undefined> {
  const match = /^(?:roomSortingTable|room):([^/()]+)/.exec(doc.belonging);
  return match ? workspaceOfRoom(match[1]) : undefined;
}

/**
 * Seed 004's rules on one ressource (privacy.ts `ressourceRights`). Reading needs the
 * `workspace_ressources` scope; managing (update, delete, attaching photos) needs
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

const isImage = (doc: ResourceDoc): boolean => {
  const type = (doc.metadata as { contentType?: string } | undefined)?.contentType;
  return type === undefined || type.startsWith('image/');
};

/**
 * A photo the caller may use (as an avatar, or attach to a ressource): an image resource (or one
 * whose bytes have not been identified yet) that a user may read, or, for a workspace token, one
 * attached to that workspace.
 */
export async function usablePhoto(principal: Principal, id: string): Promise<ResourceDoc | undefined> {
  const doc = await loadResource(id);
  if (!doc || doc.belongingType === 'trashcan' || doc.status === 'failed' || !isImage(doc)) return undefined;
  const allowed = principal.workspaceId ? (await workspaceOf(doc)) === principal.workspaceId : await mayReadResource(principal, doc);
  return allowed ? doc : undefined;
}

export async function mayReadResourceForAvatar(principal: Principal, id: string): Promise<boolean> {
  return (await usablePhoto(principal, id)) !== undefined;
}

/**
 * The workspace a ressource is published to: a chats room of type workspace, by one of its admins
 * (room owners; 403 for other members) or by a token pointing to it. A workspace the caller is
 * not in, or a room of another type, answers 404.
 */
export async function publishableWorkspace(principal: Principal, requested: string | undefined): Promise<RoomRecord> {
  const room = await requestedWorkspace(principal, requested, 'publish to');
  if (principal.workspaceId) return room;
  const member = room.members.find((m) => m.userId === principal.userId);
  if (!member) throw notFound('workspace');
  if (!member.owner) throw forbidden(`only admins of workspace ${room.id} may publish ressources to it`);
  return room;
}

/** The workspace a listing reads: the token's own, or one the user is a member of (404 otherwise). */
export async function listableWorkspace(principal: Principal, requested: string | undefined): Promise<string> {
  const room = await requestedWorkspace(principal, requested, 'list');
  if (!principal.workspaceId && !room.members.some((m) => m.userId === principal.userId)) throw notFound('workspace');
  return room.id;
}

async function requestedWorkspace(principal: Principal, requested: string | undefined, verb: string): Promise<RoomRecord> {
  if (principal.workspaceId && requested && requested !== principal.workspaceId) throw notFound('workspace');
  const id = principal.workspaceId ?? requested;
  if (!id) throw badRequest(`workspace is required: the id of the workspace to ${verb}`);
  const room = await readRoom(id);
  if (!room || room.type !== 'workspace') throw notFound('workspace');
  return room;
}
