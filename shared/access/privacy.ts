import type { Transaction } from '@google-cloud/firestore';
import type { Principal } from '../auth/principal.js';
import { roomsOfMember } from '../rooms/repository.js';

/** Seed 004 privacy of a resource ("ressource"). */
export interface Privacy {
  value: 'WORKSPACE' | 'SELF' | 'CUSTOM';
  perms: 'READ' | 'SPEAK' | 'WRITE';
  /** user ids and group ids (rooms: group, workspace or channel) */
  allow: string[];
  deny: string[];
}

export const DEFAULT_PRIVACY: Privacy = { value: 'SELF', perms: 'READ', allow: [], deny: [] };

export type PrivacyLevel = 'NONE' | 'READ' | 'SPEAK' | 'WRITE';
const rank: Record<PrivacyLevel, number> = { NONE: 0, READ: 1, SPEAK: 2, WRITE: 3 };
export const atLeast = (level: PrivacyLevel, wanted: PrivacyLevel) => rank[level] >= rank[wanted];

/** The groups a user belongs to: every room they are a member of, and the channels of their workspaces. */
export async function groupsOf(userId: string, tx?: Transaction): Promise<Set<string>> {
  const rooms = await roomsOfMember(userId, tx);
  return new Set(rooms.map((r) => r.id));
}

/**
 * What a privacy setting grants a user who does not own the resource. Deny wins: a user denied by
 * id or through any of their groups gets nothing, whatever allows them.
 */
export function privacyLevel(privacy: Privacy, userId: string, groups: Set<string>, workspaceId: string | undefined): PrivacyLevel {
  const matches = (ids: string[]) => ids.some((id) => id === userId || groups.has(id));
  if (matches(privacy.deny)) return 'NONE';
  switch (privacy.value) {
    case 'SELF':
      return 'NONE';
    case 'WORKSPACE':
      return workspaceId && groups.has(workspaceId) ? privacy.perms : 'NONE';
    case 'CUSTOM':
      return matches(privacy.allow) ? privacy.perms : 'NONE';
  }
}

export async function privacyLevelFor(principal: Principal, privacy: Privacy, workspaceId: string | undefined, tx?: Transaction): Promise<PrivacyLevel> {
  if (privacy.value === 'SELF' && privacy.deny.length === 0) return 'NONE';
  return privacyLevel(privacy, principal.userId, await groupsOf(principal.userId, tx), workspaceId);
}
