import type { FromSchema } from 'json-schema-to-ts';
import type { DeclaredFields } from '../registry/schema-types.js';
import { registerClientView } from './client-views.js';
import type { programmaticActionWithChildren, resourceData, resourceMetadata, resourceSchema } from './schema.js';

/** The Resource model of seed 000 as answered to clients: the fields `resourceSchema` declares. */
export type ClientResource = DeclaredFields<FromSchema<typeof resourceSchema>>;
export type ResourceMetadata = FromSchema<typeof resourceMetadata>;
export type ResourceData = FromSchema<typeof resourceData>;
export type ProgrammaticAction = FromSchema<typeof programmaticActionWithChildren>;

/** A resource as stored in Firestore: the seed 000 model plus the fields the server keeps for itself. */
export interface ResourceDoc {
  id: string;
  created: number;
  updated: number;
  title?: string;
  description?: string;
  location?: string;
  date?: string;
  category?: string;
  linkId?: string;
  linkType?: 'global' | 'local';
  encryptionVersion?: string;
  encryptionEpoch?: number;
  encryptionEpk?: string;
  belonging: string;
  status: 'pending' | 'processing' | 'ready' | 'failed';
  metadata?: ResourceMetadata;
  thumbnail?: string;
  fromTemplate?: boolean;
  totalReactions: number;
  data?: ResourceData;
  /** why processing failed, when status is `failed` (an addition to seed 000's model) */
  failure?: string;
  customParams?: Record<string, unknown>;
  actions?: ProgrammaticAction[];

  // server-side fields, never answered to clients
  ownerId: string;
  networkId: string;
  /** the part of `belonging` before the colon */
  belongingType: string;
  /** Cloud Storage object holding the bytes; shared by link resources */
  storagePath?: string;
  /** every prefix of every word of title and description, lower case (see search-words.ts) */
  searchPrefixes?: string[];
  /** on a prop (`room:{roomId}/{propId}`): fractional-index key of its place in the prop's order (seed 001) */
  position?: string;
  /** inside a directory: the content kind this resource was counted as in the directory's `directoryKinds` */
  countedKind?: string;
  /** directories: how many direct children of each content kind (innerContentType is derived from it) */
  directoryKinds?: Record<string, number>;
  /** in the trashcan: where the resource was when it was deleted, so restore puts it back exactly */
  previousBelonging?: string;
  /** in the trashcan: the root belonging above `previousBelonging` at deletion (which sorting table it left) */
  previousRoot?: string;
  deletedAt?: number;
  deletedBy?: string;
  /**
   * false until the first reaction to the resource itself, which sets it in its own commit, so a
   * resource stored with false has none and its answers need not count them. Absent on resources
   * stored before the field: theirs are counted.
   */
  reacted?: boolean;
}

/** Server-side fields of ResourceDoc, never answered to clients. */
type ServerOnly =
  | 'ownerId'
  | 'networkId'
  | 'belongingType'
  | 'storagePath'
  | 'searchPrefixes'
  | 'position'
  | 'countedKind'
  | 'directoryKinds'
  | 'previousBelonging'
  | 'previousRoot'
  | 'deletedAt'
  | 'deletedBy'
  | 'reacted';

const SERVER_ONLY: ReadonlyArray<string> = [
  'ownerId',
  'networkId',
  'belongingType',
  'storagePath',
  'searchPrefixes',
  'position',
  'countedKind',
  'directoryKinds',
  'previousBelonging',
  'previousRoot',
  'deletedAt',
  'deletedBy',
  'reacted',
  // seed 004 "ressource" fields, answered by the ressource view only
  'privacy',
  'avatar',
] satisfies ReadonlyArray<ServerOnly | 'privacy' | 'avatar'>;

export const isDirectory = (doc: Pick<ResourceDoc, 'data'>): boolean => Boolean(doc.data?.directory);

/**
 * innerContentType of a directory: the one content kind of all its direct children, `mixed` when
 * they differ, `empty` when it has none. Derived from the per-kind counts kept exact on each change.
 */
export function innerContentType(kinds: Record<string, number> | undefined): string {
  const present = Object.entries(kinds ?? {})
    .filter(([, count]) => count > 0)
    .map(([kind]) => kind);
  if (present.length === 0) return 'empty';
  return present.length === 1 ? present[0] : 'mixed';
}

/** The client view of a stored resource (seed 000 Resource model). */
export function toClientResource(doc: ResourceDoc): ClientResource {
  const out = clientFields(doc);
  if (doc.data?.directory) {
    out.data = {
      ...doc.data,
      directory: { innerContentType: innerContentType(doc.directoryKinds), innerContentCount: doc.data.directory.innerContentCount ?? 0 },
    };
  }
  // the stored counters are not maintained: the transport counts them when the answer is sent (live-counts.ts)
  registerClientView(out, doc);
  return out;
}

/**
 * The stored fields a client sees: every field but the server's own, without empty ones. Typed as
 * what it keeps of ResourceDoc, so a stored field that does not match `resourceSchema` fails tsc.
 */
function clientFields(doc: ResourceDoc): Omit<ResourceDoc, ServerOnly> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) {
    if (!SERVER_ONLY.includes(key) && value !== undefined && value !== null) out[key] = value;
  }
  return out as Omit<ResourceDoc, ServerOnly>;
}
