import { badRequest } from '../errors/api-error.js';

export const STORED_BELONGING_TYPES = [
  'userSortingTable',
  'roomSortingTable',
  'userAIGeneration',
  'uploadSession',
  'directory',
  'room',
  'community',
  'trashcan',
  'environment',
] as const;
/**
 * Belongings that are queries over stored ones. `room:{roomId}` is both: stored, it places a
 * resource in the room itself (on no prop); searched, it lists everything placed in the room
 * (room level and every prop).
 */
export const VIRTUAL_BELONGING_TYPES = ['roomProps'] as const;

export type BelongingType = (typeof STORED_BELONGING_TYPES)[number] | (typeof VIRTUAL_BELONGING_TYPES)[number];

export interface Belonging {
  type: BelongingType;
  /** the part after `type:`, e.g. a user id, `roomId/propId`, `userId/sessionId` */
  path: string;
  /** optional `(networkId)` suffix */
  networkId?: string;
}

const PATTERN = /^([A-Za-z]+):([^()\s]+)(?:\(([^()\s]+)\))?$/;
/** a path segment may become a document id: `__.*__` is reserved by Firestore */
const SEGMENT = /^(?!__.*__$)[A-Za-z0-9_-]{1,128}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const SEGMENTS: Record<BelongingType, number[]> = {
  userSortingTable: [1],
  roomSortingTable: [1],
  userAIGeneration: [1],
  uploadSession: [2],
  directory: [1],
  room: [1, 2],
  community: [1],
  trashcan: [1],
  environment: [1],
  roomProps: [1],
};

/** Parses `belongingType:belongingPath(networkId)`; unknown types and malformed paths are 400s. */
export function parseBelonging(value: string): Belonging {
  const match = PATTERN.exec(value);
  if (!match) throw badRequest(`belonging "${value}" is malformed: expected belongingType:belongingPath`);
  const [, type, path, networkId] = match;
  if (!(type in SEGMENTS)) throw badRequest(`belonging type "${type}" is unknown`);
  const segments = path.split('/');
  const ok = SEGMENTS[type as BelongingType].includes(segments.length) && segments.every((s) => SEGMENT.test(s));
  if (!ok) throw badRequest(`belonging path "${path}" is malformed for type ${type}`);
  if (type === 'directory' && !UUID.test(path)) throw badRequest(`belonging "${value}" is malformed: a directory id is a UUID`);
  if (networkId !== undefined && !SEGMENT.test(networkId)) throw badRequest(`belonging network "${networkId}" is malformed`);
  return { type: type as BelongingType, path, networkId };
}

/** The canonical stored form, without the network suffix (the network is a field of its own). */
export function formatBelonging(b: Pick<Belonging, 'type' | 'path'>): string {
  return `${b.type}:${b.path}`;
}

/** The belonging in canonical form: parses (400 when malformed) and drops the network suffix. */
export const canonicalBelonging = (value: string): string => formatBelonging(parseBelonging(value));

export const belongingTypeOf = (canonical: string): BelongingType => canonical.slice(0, canonical.indexOf(':')) as BelongingType;

/** The user a per-user belonging belongs to (sorting table, AI generations, upload sessions, trashcan). */
export function userOfBelonging(b: Belonging): string | undefined {
  switch (b.type) {
    case 'userSortingTable':
    case 'userAIGeneration':
    case 'trashcan':
      return b.path;
    case 'uploadSession':
      return b.path.split('/')[0];
    default:
      return undefined;
  }
}

/** The room a room belonging names (`roomSortingTable`, `room`, `roomProps`), with the prop if any. */
export function roomOfBelonging(b: Belonging): { roomId: string; propId?: string } | undefined {
  if (b.type !== 'roomSortingTable' && b.type !== 'room' && b.type !== 'roomProps') return undefined;
  const [roomId, propId] = b.path.split('/');
  return { roomId, propId };
}

/** The fields a resource stores for its placement. */
export function placementFields(b: Belonging): { belonging: string; belongingType: string } {
  return { belonging: formatBelonging(b), belongingType: b.type };
}

export const isUuid = (value: string): boolean => UUID.test(value);
