import { randomUUID } from 'node:crypto';
import { envInt } from '../../../shared/config.js';
import { badRequest, forbidden } from '../../../shared/errors/api-error.js';
import { commitWithEvents, eventList, transactionWithEvents } from '../../../shared/events/outbox.js';
import { firestore, bucket } from '../../../shared/gcp/clients.js';
import { contentDisposition } from '../../../shared/http-headers/content-disposition.js';
import { decodeUnicodeHeader } from '../../../shared/http-headers/unicode-header.js';
import { getAttachmentForMember } from '../../../shared/access/attachments.js';
import { operation } from '../../../shared/registry/define.js';
import { binaryContent } from '../../../shared/registry/schema-types.js';
import { results } from '../../../shared/registry/types.js';
import { getRoomForMember } from '../../../shared/access/rooms.js';
import { attachmentRef, type AttachmentRecord } from '../../../shared/rooms/attachments.js';
import { StoragePaths } from '../../../shared/data-layout.js';
import { deleteAttachmentObjects } from '../../../shared/rooms/cleanup.js';
import { attachmentEvents } from '../events.js';
import { attachment, attachmentsPage, fileIdentifier } from '../schemas/attachment.js';
import { noContent, uuid } from '../schemas/common.js';
import { pageOfAttachments } from '../store/listing.js';
import { streamToStorage } from '../store/upload.js';
import { attachmentView } from '../views.js';

const mimeTypePattern = '^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*$';
const MAX_NAME_LENGTH = 255;

function decodedText(value: string, field: string, maxLength: number): string {
  const text = decodeUnicodeHeader(value, field);
  if ([...text].length > maxLength) throw badRequest(`${field} is longer than ${maxLength} characters`);
  return text;
}

/** A single whitespace or word character, or digits, lowercase x's and digits (`15x20`, `x`, `100x`). */
const AREA = /^(?:\s|\w|\d*x+\d*)$/;

export const insertAttachment = operation({
  name: 'insertAttachment',
  summary: 'Uploads a file into a room (members only); the body is the file, at most CHATS_MAX_ATTACHMENT_BYTES (413 beyond).',
  description:
    '`fileName` and `description` are Unicode text written as backslash-u escapes (`\\u0061\\u002e\\u0074\\u0078\\u0074` is a.txt; anything else is 400). `area` (optional) is a single character or digits, lowercase x and digits (`15x20`); it is checked, not stored. Not for workspaces or channels (400).',
  bindings: { http: [{ method: 'POST', path: '/rooms/{roomId}/attachments' }] },
  permission: 'room member',
  rest: {
    body: 'binary',
    headers: {
      filename: 'fileName',
      mimetype: 'mimeType',
      description: 'description',
      messageid: 'messageId',
      replyid: 'replyId',
      area: 'area',
    },
  },
  successStatus: 201,
  request: {
    type: 'object',
    properties: {
      roomId: uuid,
      fileName: { type: 'string', maxLength: 8192 },
      mimeType: { type: 'string', maxLength: 255, pattern: mimeTypePattern },
      description: { type: 'string', maxLength: 65536 },
      messageId: { type: 'string', maxLength: 255 },
      replyId: { type: 'string', maxLength: 255 },
      area: { type: 'string', maxLength: 64 },
      content: binaryContent,
    },
    required: ['roomId', 'fileName', 'mimeType'],
  },
  response: fileIdentifier,
}).handle(async (ctx, input) => {
  const { userId } = ctx.principal;
  const name = decodedText(input.fileName, 'fileName', MAX_NAME_LENGTH);
  const description = input.description !== undefined ? decodedText(input.description, 'description', 4096) : undefined;
  if (input.area !== undefined && !AREA.test(input.area))
    throw badRequest(`area must be like 15x20 (digits, lowercase x, digits); got "${input.area}"`);
  const { room } = await getRoomForMember(input.roomId, userId);
  if (room.type === 'workspace' || room.type === 'channel') throw badRequest(`files cannot be attached to a ${room.type}`);
  if (!input.content) throw badRequest('the file is missing from the request body');
  const fileId = randomUUID();
  const size = await streamToStorage(StoragePaths.attachment(fileId), input.content, input.mimeType, envInt('CHATS_MAX_ATTACHMENT_BYTES'));
  const record: AttachmentRecord = {
    id: fileId,
    roomId: room.id,
    networkId: room.networkId,
    userId,
    name,
    size,
    mimeType: input.mimeType,
    createdAt: new Date().toISOString(),
    ...(description !== undefined ? { description } : {}),
    ...(input.messageId !== undefined ? { messageId: input.messageId } : {}),
    ...(input.replyId !== undefined ? { replyId: input.replyId } : {}),
  };
  try {
    await transactionWithEvents(ctx.events, async (tx, events) => {
      // the room may have been deleted, or the user removed, while the bytes were uploading
      await getRoomForMember(room.id, userId, { tx });
      tx.create(attachmentRef(fileId), record);
      events.emit(attachmentEvents.attachmentAdded.name, `room:${room.id}`, { roomId: room.id, attachment: attachmentView(record) });
    });
  } catch (err) {
    await deleteAttachmentObjects(fileId);
    throw err;
  }
  return { id: fileId };
});

export const listRoomAttachmentInfo = operation({
  name: 'listRoomAttachmentInfo',
  summary: "Pages through a room's attachments, newest first (members only).",
  description: 'Pass the `filter` of a page to get the next one; the last page has no filter.',
  bindings: { http: [{ method: 'GET', path: '/rooms/{roomId}/attachments' }] },
  permission: 'room member',
  request: {
    type: 'object',
    properties: {
      roomId: uuid,
      itemsNumber: { type: 'integer', minimum: 1, maximum: 100, default: 10 },
      filter: { type: 'string', maxLength: 1024 },
    },
    required: ['roomId'],
  },
  response: attachmentsPage,
}).handle(async (ctx, input) => {
  const { room } = await getRoomForMember(input.roomId, ctx.principal.userId);
  const page = await pageOfAttachments(room.id, input.itemsNumber, input.filter);
  return { attachments: page.attachments.map(attachmentView), ...(page.filter ? { filter: page.filter } : {}) };
});

export const getAttachmentInfo = operation({
  name: 'getAttachmentInfo',
  summary: "Returns an attachment's metadata (members of its room only).",
  bindings: { http: [{ method: 'GET', path: '/attachments/{fileId}' }] },
  permission: "member of the attachment's room",
  request: { type: 'object', properties: { fileId: uuid }, required: ['fileId'] },
  response: attachment,
}).handle(async (ctx, input) => attachmentView((await getAttachmentForMember(input.fileId, ctx.principal.userId)).attachment));

export const getAttachment = operation({
  name: 'getAttachment',
  summary: "Downloads an attachment's bytes (members of its room only).",
  bindings: { http: [{ method: 'GET', path: '/attachments/{fileId}/download' }] },
  permission: "member of the attachment's room",
  produces: '*/*',
  responseHeaders: ['Content-Disposition'],
  request: { type: 'object', properties: { fileId: uuid }, required: ['fileId'] },
  response: {},
}).handle(async (ctx, input) => {
  const { attachment: a } = await getAttachmentForMember(input.fileId, ctx.principal.userId);
  const stream = bucket().file(StoragePaths.attachment(a.id)).createReadStream();
  return results.binary(stream, a.mimeType, {
    'content-length': String(a.size),
    'content-disposition': contentDisposition('attachment', a.name),
    'x-content-type-options': 'nosniff',
  });
});

export const deleteAttachment = operation({
  name: 'deleteAttachment',
  summary: 'Deletes an attachment with its bytes and previews: its uploader or an owner of its room.',
  bindings: { http: [{ method: 'DELETE', path: '/attachments/{fileId}' }] },
  permission: "the attachment's uploader or an owner of its room",
  successStatus: 204,
  request: { type: 'object', properties: { fileId: uuid }, required: ['fileId'] },
  response: noContent,
}).handle(async (ctx, input) => {
  const { userId } = ctx.principal;
  const { attachment: a, room } = await getAttachmentForMember(input.fileId, userId);
  if (a.userId !== userId && !room.member.owner) throw forbidden('only the uploader or an owner of the room can delete the attachment');
  const batch = firestore().batch();
  batch.delete(attachmentRef(a.id));
  const events = eventList();
  events.emit(attachmentEvents.attachmentDeleted.name, `room:${a.roomId}`, { roomId: a.roomId, fileId: a.id });
  await commitWithEvents(batch, ctx.events, events.pending);
  await deleteAttachmentObjects(a.id);
  return results.empty(204);
});
