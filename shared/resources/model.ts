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
  metadata?: Record<string, unknown>;
  thumbnail?: string;
  fromTemplate?: boolean;
  totalReactions: number;
  data?: Record<string, unknown>;
  customParams?: Record<string, unknown>;
  actions?: unknown[];

  // server-side fields, never answered to clients
  ownerId: string;
  networkId: string;
  belongingType: string;
  /** Cloud Storage object holding the bytes; shared by link resources */
  storagePath?: string;
  /** why processing failed, when status is `failed` */
  failure?: string;
}

export const RESOURCES = 'resources';

const SERVER_ONLY: ReadonlyArray<string> = ['ownerId', 'networkId', 'belongingType', 'storagePath', 'failure', 'position', 'previousBelonging'];

/** The client view of a stored resource (seed 000 Resource model). */
export function toClientResource(doc: ResourceDoc): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) {
    if (!SERVER_ONLY.includes(key) && value !== undefined && value !== null) out[key] = value;
  }
  return out;
}
