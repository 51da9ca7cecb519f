import type { Transaction } from '@google-cloud/firestore';
import type { Principal } from '../auth/principal.js';
import { channelsOf, roomsOfMember } from '../rooms/repository.js';

/** Seed 004 privacy of a resource ("ressource"). */
export type Privacy = {
  value: 'WORKSPACE' | 'SELF' | 'CUSTOM';
  perms: 'READ' | 'SPEAK' | 'WRITE';
  /** user ids and group ids (rooms: group, workspace or channel) */
  allow: string[];
  deny: string[];
};

export const DEFAULT_PRIVACY: Privacy = { value: 'SELF', perms: 'READ', allow: [], deny: [] };

export type PrivacyLevel = 'NONE' | 'READ' | 'SPEAK' | 'WRITE';
const rank: Record<PrivacyLevel, number> = { NONE: 0, READ: 1, SPEAK: 2, WRITE: 3 };
export const atLeast = (level: PrivacyLevel, wanted: PrivacyLevel) => rank[level] >= rank[wanted];

/** The groups a user belongs to: every room they are a member of, and the channels of their workspaces. */
async function groupsOf(userId: string, tx?: Transaction): Promise<Set<string>> {
  const rooms = await roomsOfMember(userId, tx);
  const workspaces = rooms.filter((r) => r.type === 'workspace').map((r) => r.id);
  const channels = workspaces.length > 0 ? await channelsOf(workspaces, tx) : [];
  return new Set([...rooms, ...channels].map((r) => r.id));
}

const matches = (ids: string[], userId: string, groups: Set<string>) => ids.some((id) => id === userId || groups.has(id));

/**
 * What a privacy setting grants a user who does not own the resource. Deny wins: a user denied by
 * id or through any of their groups gets nothing, whatever allows them.
 */
export function privacyLevel(privacy: Privacy, userId: string, groups: Set<string>, workspaceId: string | undefined): PrivacyLevel {
  if (matches(privacy.deny, userId, groups)) return 'NONE';
  switch (privacy.value) {
    case 'SELF':
      return 'NONE';
    case 'WORKSPACE':
      return workspaceId && groups.has(workspaceId) ? privacy.perms : 'NONE';
    case 'CUSTOM':
      return matches(privacy.allow, userId, groups) ? privacy.perms : 'NONE';
  }
}

export async function privacyLevelFor(
  principal: Principal,
  privacy: Privacy,
  workspaceId: string | undefined,
  tx?: Transaction,
): Promise<PrivacyLevel> {
  if (privacy.value === 'SELF' && privacy.deny.length === 0) return 'NONE';
  return privacyLevel(privacy, principal.userId, await groupsOf(principal.userId, tx), workspaceId);
}

/**
 * Who looks at ressources, read once per call so that a listing decides every ressource without
 * further reads: a user with their groups and the workspaces they administer (owners of a
 * workspace room), or a workspace (a token with `tokenType: "workspace"`).
 */
export interface Viewer {
  id: string;
  kind: 'user' | 'workspace';
  groups: Set<string>;
  adminOf: Set<string>;
}

export async function viewerOf(principal: Principal, tx?: Transaction): Promise<Viewer> {
  if (principal.workspaceId) return { id: principal.workspaceId, kind: 'workspace', groups: new Set(), adminOf: new Set() };
  const rooms = await roomsOfMember(principal.userId, tx);
  const workspaces = rooms.filter((r) => r.type === 'workspace');
  const channels =
    workspaces.length > 0
      ? await channelsOf(
          workspaces.map((w) => w.id),
          tx,
        )
      : [];
  const adminOf = workspaces.filter((w) => w.members.some((m) => m.userId === principal.userId && m.owner)).map((w) => w.id);
  return { id: principal.userId, kind: 'user', groups: new Set([...rooms, ...channels].map((r) => r.id)), adminOf: new Set(adminOf) };
}

export interface RessourceRights {
  read: boolean;
  /** update, delete, attach photos */
  manage: boolean;
}

const NO_RIGHTS: RessourceRights = { read: false, manage: false };

/**
 * Seed 004's rules for one ressource attached to `workspaceId` (if any). A workspace reads what is
 * attached to it and manages nothing (managing needs a token pointing to a user). The owner does
 * everything. Otherwise deny wins over every other grant (a share, being an admin of the
 * workspace); a workspace admin reads and manages; a share grants READ (and SPEAK) reading, WRITE
 * managing.
 */
export function ressourceRights(
  viewer: Viewer,
  doc: { ownerId: string; privacy?: Privacy },
  workspaceId: string | undefined,
): RessourceRights {
  const privacy = doc.privacy ?? DEFAULT_PRIVACY;
  if (viewer.kind === 'workspace') {
    const attached = workspaceId === viewer.id && !privacy.deny.includes(viewer.id);
    return { read: attached, manage: false };
  }
  if (doc.ownerId === viewer.id) return { read: true, manage: true };
  if (matches(privacy.deny, viewer.id, viewer.groups)) return NO_RIGHTS;
  if (workspaceId && viewer.adminOf.has(workspaceId)) return { read: true, manage: true };
  const level = privacyLevel(privacy, viewer.id, viewer.groups, workspaceId);
  return { read: atLeast(level, 'READ'), manage: atLeast(level, 'WRITE') };
}
