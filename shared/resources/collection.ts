import type { CollectionReference, DocumentReference, Transaction } from '@google-cloud/firestore';
import { firestore } from '../gcp/clients.js';
import type { ResourceDoc } from './model.js';
import { Collections } from '../data-layout.js';

/** The `resources` collection: one document per resource, keyed by its id. */
export const resources = (): CollectionReference => firestore().collection(Collections.resources);

export const resourceRef = (id: string): DocumentReference => resources().doc(id);

/** Reads a resource, inside the transaction when one is given. */
export async function readResource(id: string, tx?: Transaction): Promise<ResourceDoc | undefined> {
  const ref = resourceRef(id);
  const snap = tx ? await tx.get(ref) : await ref.get();
  return snap.exists ? (snap.data() as ResourceDoc) : undefined;
}
