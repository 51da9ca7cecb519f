import type { DocumentReference, Transaction } from '@google-cloud/firestore';
import { firestore } from '../gcp/clients.js';
import { ttlExpiry } from '../gcp/query-shapes.js';
import { Collections } from '../data-layout.js';

/**
 * One Firestore document per job (resource + content generation, or job id): a redelivered or
 * duplicated job finds it and does not repeat the work. A running job holds a lease that its
 * worker renews while it works; a delivery arriving while the lease is fresh is told to come back
 * later, one arriving after it expired (the worker died) takes the job over.
 */

/** How long a claim lasts without renewal: a dead worker's job is free again after this. */
const LEASE_MS = 2 * 60 * 1000;
/** How often a live worker renews its lease. */
const RENEW_EVERY_MS = 30 * 1000;
/** How long a finished job is remembered (long past any redelivery); a Firestore TTL policy on `expireAt` deletes it. */
const KEEP_DONE_MS = 30 * 24 * 60 * 60 * 1000;

export interface JobRecord {
  resourceId: string;
  state: 'running' | 'done';
  leaseUntil: number;
  /** deliveries that claimed the job */
  attempts: number;
  /** the last transient error, reported if the job is finally given up */
  lastError?: string;
  /** how a done job ended: ready, failed, superseded, gone */
  outcome?: string;
  updated: number;
  /** set when done: the TTL field of the collection */
  expireAt?: Date;
}

export type Claim = { kind: 'claimed'; attempts: number } | { kind: 'done' } | { kind: 'busy' };

export const jobRef = (key: string): DocumentReference => firestore().collection(Collections.processingJobs).doc(key);

export async function claimJob(key: string, resourceId: string): Promise<Claim> {
  const ref = jobRef(key);
  return firestore().runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    const record = snap.data() as JobRecord | undefined;
    const now = Date.now();
    if (record?.state === 'done') return { kind: 'done' } as const;
    if (record?.state === 'running' && record.leaseUntil > now) return { kind: 'busy' } as const;
    const attempts = (record?.attempts ?? 0) + 1;
    tx.set(ref, { resourceId, state: 'running', leaseUntil: now + LEASE_MS, attempts, updated: now }, { merge: true });
    return { kind: 'claimed', attempts } as const;
  });
}

/** Renews the lease every RENEW_EVERY_MS until the returned function is called. */
export function holdLease(key: string, onError: (error: unknown) => void): () => void {
  const timer = setInterval(() => {
    jobRef(key)
      .update({ leaseUntil: Date.now() + LEASE_MS, updated: Date.now() })
      .catch(onError);
  }, RENEW_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}

/** After a transient failure: the lease is given back so the retry can claim at once. */
export async function releaseJob(key: string, error: string): Promise<void> {
  await jobRef(key).set({ leaseUntil: 0, lastError: error.slice(0, 2000), updated: Date.now() }, { merge: true });
}

export function completeJobIn(tx: Transaction, key: string, resourceId: string, outcome: string): void {
  const now = Date.now();
  tx.set(
    jobRef(key),
    {
      resourceId,
      state: 'done',
      leaseUntil: 0,
      outcome,
      updated: now,
      expireAt: ttlExpiry(Collections.processingJobs, 'expireAt', now + KEEP_DONE_MS),
    },
    { merge: true },
  );
}

export async function readJob(key: string): Promise<JobRecord | undefined> {
  return (await jobRef(key).get()).data() as JobRecord | undefined;
}

/** A job some delivery is working on right now. */
export const isRunning = (record: JobRecord | undefined): boolean => record?.state === 'running' && record.leaseUntil > Date.now();
