import { Readable } from 'node:stream';
import { FieldPath, type CollectionReference } from '@google-cloud/firestore';
import { completeUpload } from '../../../shared/content/completion.js';
import { streamOriginal } from '../../../shared/content/stream-upload.js';
import { badRequest, conflict, notFound, unsupportedMediaType } from '../../../shared/errors/api-error.js';
import { firestore } from '../../../shared/gcp/clients.js';
import { mimeEssence, sniffContentType } from '../../../shared/media/sniff.js';
import type { OperationContext } from '../../../shared/registry/types.js';
import { parseBelonging } from '../../../shared/resources/belonging.js';
import { decodeCursor, encodeCursor } from '../../../shared/resources/cursor.js';
import { insertResources } from '../../../shared/resources/insert.js';
import type { ResourceDoc } from '../../../shared/resources/model.js';
import { readResource, resourceRef } from '../../../shared/resources/repository.js';
import { actorOf, recordActivity } from '../../../shared/ressources/activity.js';
import { usablePhoto, type RessourceAccess } from '../../../shared/access/ressources.js';
import { checkedPlacement } from '../rules/placement.js';
import { photoView, type PhotoLink, type PhotoView } from '../views.js';
import { recordQuery } from '../../../shared/gcp/query-shapes.js';
import { Collections } from '../../../shared/data-layout.js';

const photoLinks = (ressourceId: string): CollectionReference => resourceRef(ressourceId).collection(Collections.photos);

/** Attaches an image resource once; attaching it again changes nothing. Answers the photo and whether it is new. */
async function link(ctx: OperationContext, ressourceId: string, photo: ResourceDoc): Promise<{ created: boolean; photo: PhotoView }> {
  const ref = photoLinks(ressourceId).doc(photo.id);
  return firestore().runTransaction(async (tx) => {
    const existing = await tx.get(ref);
    if (existing.exists) return { created: false, photo: photoView(existing.data() as PhotoLink, photo) };
    const now = Date.now();
    const record: PhotoLink = { photo: photo.id, from: actorOf(ctx.principal), added: now };
    tx.create(ref, record);
    recordActivity(tx, ressourceId, ctx.principal, 'photo_added', { photo: photo.id }, now);
    return { created: true, photo: photoView(record, photo) };
  });
}

/** Attaches an existing image resource the caller may use. */
export async function attachExistingPhoto(ctx: OperationContext, access: RessourceAccess, photoId: string) {
  if (photoId === access.doc.id) throw badRequest('a ressource cannot be its own photo');
  const photo = await usablePhoto(ctx.principal, photoId);
  if (!photo) throw badRequest(`photo ${photoId} is not an image resource you may use`);
  return link(ctx, access.doc.id, photo);
}

/**
 * Uploads an image and attaches it: a new resource owned by the caller, placed in their upload
 * session `uploadSession:{userId}/{ressourceId}`, processed like any upload. Anything that is not
 * an image (by its bytes) answers 415 and nothing is written.
 */
export async function attachUploadedPhoto(ctx: OperationContext, access: RessourceAccess, bytes: Buffer, fileName?: string) {
  const type = mimeEssence(await sniffContentType(bytes, { fileName }));
  if (!type.startsWith('image/')) throw unsupportedMediaType(`the body is not an image (its bytes are ${type})`);
  const session = parseBelonging(`uploadSession:${ctx.principal.userId}/${access.doc.id}`);
  const [doc] = await insertResources(ctx.events, ctx.principal, checkedPlacement(session, access.doc.networkId), [
    { title: fileName ?? 'photo', ...(fileName && { metadata: { fileName } }) },
  ]);
  const stored = await streamOriginal(doc.id, { stream: Readable.from([bytes]), declaredLength: bytes.length });
  const completion = await completeUpload(stored.objectPath, stored.generation, ctx.events, ctx.log);
  if (completion.kind === 'ignored') throw conflict(`the photo was not accepted: ${completion.reason}`);
  return link(ctx, access.doc.id, completion.resource);
}

/** A photo attached to the ressource (404 for one that is not, or was deleted since). */
export async function attachedPhoto(ressourceId: string, photoId: string): Promise<ResourceDoc> {
  const [link, doc] = await Promise.all([photoLinks(ressourceId).doc(photoId).get(), readResource(photoId)]);
  if (!link.exists || !doc || doc.belongingType === 'trashcan') throw notFound('photo');
  return doc;
}

/** The photos of a ressource, most recently attached first; photos deleted since (or in the trashcan) are left out. */
export async function photoPage(ressourceId: string, cursor: string | undefined, limit: number) {
  const position = decodeCursor(cursor);
  const base = photoLinks(ressourceId).orderBy('added', 'desc').orderBy(FieldPath.documentId(), 'desc');
  const snap = await recordQuery((position ? base.startAfter(position.created, position.id) : base).limit(limit + 1)).get();
  const links = snap.docs.slice(0, limit).map((d) => d.data() as PhotoLink);
  const refs = links.map((l) => resourceRef(l.photo));
  const docs = refs.length > 0 ? await firestore().getAll(...refs) : [];
  const photos = links.flatMap((l, i) => {
    const doc = docs[i].data() as ResourceDoc | undefined;
    return doc && doc.belongingType !== 'trashcan' ? [photoView(l, doc)] : [];
  });
  const hasMore = snap.size > limit;
  const last = links[links.length - 1];
  return { photos, hasMore, nextCursor: hasMore ? encodeCursor({ created: last.added, id: last.photo }) : '' };
}
