import type { Principal } from '../auth/principal.js';
import { requireWritableBelonging, type BelongingAccess } from '../access/belongings.js';
import { badRequest } from '../errors/api-error.js';
import type { JsonSchema } from '../registry/types.js';
import { formatBelonging, parseBelonging, type Belonging } from './belonging.js';
import { idSchema } from './schema.js';

/** Where a create-like call of seed 000 puts the new resource. At most one of the placement fields. */
export interface Placement {
  /** a directory resource id: `directory:{parent}` */
  parent?: string;
  /** the room itself (`room:{roomId}`), or one of its props with `propId` (`room:{roomId}/{propId}`) */
  roomId?: string;
  /** extension of seed 000: with `roomId`, the prop the resource is placed on */
  propId?: string;
  /** the room sorting table: `roomSortingTable:{contributeToRoom}` */
  contributeToRoom?: string;
  /** the caller's sorting table (also the default when nothing is given) */
  addToSortingTable?: boolean;
  /** any writable belonging, `belongingType:belongingPath(networkId)` */
  belonging?: string;
  networkId?: string;
}

const roomIdSchema = { type: 'string', minLength: 1, maxLength: 128 } as const;

/** JSON Schema properties of the placement fields, for the request schema of every create-like call. */
export const placementProperties = {
  parent: idSchema,
  roomId: roomIdSchema,
  propId: roomIdSchema,
  contributeToRoom: roomIdSchema,
  addToSortingTable: { type: 'boolean' },
  belonging: { type: 'string', minLength: 3, maxLength: 400 },
  networkId: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,128}$' },
} as const satisfies Record<keyof Placement, JsonSchema>;

export interface ResolvedPlacement {
  /** canonical stored belonging, e.g. `directory:{id}` */
  belonging: string;
  parsed: Belonging;
  networkId: string;
  /** the chain up to the root belonging and the caller's rights there */
  access: BelongingAccess;
}

function requestedBelonging(principal: Principal, placement: Placement): Belonging {
  if (placement.propId !== undefined && placement.roomId === undefined) throw badRequest('propId needs roomId');
  const given: Array<[string, () => string]> = [];
  if (placement.belonging !== undefined) given.push(['belonging', () => placement.belonging as string]);
  if (placement.parent !== undefined) given.push(['parent', () => `directory:${placement.parent}`]);
  if (placement.roomId !== undefined)
    given.push(['roomId', () => `room:${placement.roomId}${placement.propId ? `/${placement.propId}` : ''}`]);
  if (placement.contributeToRoom !== undefined) given.push(['contributeToRoom', () => `roomSortingTable:${placement.contributeToRoom}`]);
  if (placement.addToSortingTable === true) given.push(['addToSortingTable', () => `userSortingTable:${principal.userId}`]);
  if (given.length > 1) throw badRequest(`give one placement, not several: ${given.map(([name]) => name).join(', ')}`);
  return parseBelonging(given.length === 1 ? given[0][1]() : `userSortingTable:${principal.userId}`);
}

/**
 * The network of a new or moved resource, from `networkId` or the belonging's `(networkId)`
 * suffix (400 when they differ). Any network is kept as given: networks scope where resource:get
 * looks (the caller's network, then the default one), while access follows belongings.
 */
export function resolveNetwork(requested: string | undefined, fromBelonging: string | undefined): string | undefined {
  if (requested !== undefined && fromBelonging !== undefined && requested !== fromBelonging) {
    throw badRequest(`networkId ${requested} contradicts the belonging's network ${fromBelonging}`);
  }
  return requested ?? fromBelonging;
}

/**
 * Resolves where a create-like call (resource:create, createDirectory, createLinkResource, remote
 * URL/image, AI image, IMDb, Pinterest, ...) places its resource, and checks the caller may write
 * there: 400 for unknown types, malformed ids, several placements at once; 403/404 for a
 * belonging the caller may not write. Nothing is written.
 */
export async function resolvePlacement(principal: Principal, placement: Placement): Promise<ResolvedPlacement> {
  const parsed = requestedBelonging(principal, placement);
  const networkId = resolveNetwork(placement.networkId, parsed.networkId) ?? principal.networkId;
  const access = await requireWritableBelonging(principal, parsed);
  return { belonging: formatBelonging(parsed), parsed, networkId, access };
}
