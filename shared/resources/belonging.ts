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
] as const;
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
const SEGMENT = /^[A-Za-z0-9_-]{1,128}$/;

/** Parses `belongingType:belongingPath(networkId)`; unknown types and malformed paths are 400s. */
export function parseBelonging(value: string): Belonging {
  const match = PATTERN.exec(value);
  if (!match) throw badRequest(`belonging "${value}" is malformed: expected belongingType:belongingPath`);
  const [, type, path, networkId] = match;
  if (![...STORED_BELONGING_TYPES, ...VIRTUAL_BELONGING_TYPES].includes(type as BelongingType)) {
    throw badRequest(`belonging type "${type}" is unknown`);
  }
  const segments = path.split('/');
  const expected = type === 'uploadSession' ? 2 : type === 'room' ? [1, 2] : 1;
  const ok = Array.isArray(expected) ? expected.includes(segments.length) : segments.length === expected;
  if (!ok || !segments.every((s) => SEGMENT.test(s))) throw badRequest(`belonging path "${path}" is malformed for type ${type}`);
  return { type: type as BelongingType, path, networkId };
}

/** The canonical stored form, without the network suffix (the network is a field of its own). */
export function formatBelonging(b: Pick<Belonging, 'type' | 'path'>): string {
  return `${b.type}:${b.path}`;
}
