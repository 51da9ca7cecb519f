import { bucket, firestore } from '../gcp/clients.js';
import { log } from '../log.js';
import { StoragePaths } from '../data-layout.js';
import { isNotFound } from '../gcp/status-codes.js';
import { attachmentsCollection } from './attachments.js';
import { roomRef } from './repository.js';
import { recordQuery } from '../gcp/query-shapes.js';

async function deleteObject(path: string): Promise<void> {
  try {
    await bucket().file(path).delete();
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
}

/** Deletes an attachment's bytes and every preview rendered from it. */
export async function deleteAttachmentObjects(fileId: string): Promise<void> {
  await deleteObject(StoragePaths.attachment(fileId));
  await bucket().deleteFiles({ prefix: StoragePaths.attachmentPreviews(fileId) });
}

/**
 * Removes what a deleted room leaves behind: its subcollections (user settings, messages, props),
 * its attachments with their bytes and previews, and its picture. Called once the room document
 * itself is gone, so none of it is reachable any more; a failure leaves only unreachable debris,
 * which is logged.
 */
export async function purgeRoomContents(roomId: string): Promise<void> {
  try {
    await firestore().recursiveDelete(roomRef(roomId));
    const attachments = await recordQuery(attachmentsCollection().where('roomId', '==', roomId)).get();
    for (const doc of attachments.docs) {
      await deleteAttachmentObjects(doc.id);
      await doc.ref.delete();
    }
    await deleteObject(StoragePaths.roomPicture(roomId));
  } catch (err) {
    log.error('room purge incomplete', { roomId, err });
  }
}
