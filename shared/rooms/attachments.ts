import type { CollectionReference, DocumentData, DocumentReference, QueryDocumentSnapshot } from '@google-cloud/firestore';
import { firestore } from '../gcp/clients.js';
import { Collections } from '../data-layout.js';

/** A file shared in a room (Chats attachment). Bytes live at `StoragePaths.attachment` (shared/data-layout.ts). */
export interface AttachmentRecord {
  id: string;
  roomId: string;
  networkId: string;
  /** The uploader. */
  userId: string;
  name: string;
  size: number;
  /** As declared by the uploader (the `mimeType` header). */
  mimeType: string;
  createdAt: string;
  description?: string;
  messageId?: string;
  replyId?: string;
  area?: string;
}

export const attachmentsCollection = (): CollectionReference<AttachmentRecord> =>
  firestore()
    .collection(Collections.attachments)
    .withConverter({
      toFirestore: (value: AttachmentRecord) => value as unknown as DocumentData,
      fromFirestore: (snapshot: QueryDocumentSnapshot) => snapshot.data() as AttachmentRecord,
    });

export const attachmentRef = (fileId: string): DocumentReference<AttachmentRecord> => attachmentsCollection().doc(fileId);

export async function readAttachment(fileId: string): Promise<AttachmentRecord | undefined> {
  const snap = await attachmentRef(fileId).get();
  return snap.data();
}
