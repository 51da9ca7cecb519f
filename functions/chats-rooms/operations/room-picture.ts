import { badRequest, notFound } from '../../../shared/errors/api-error.js';
import { transactionWithEvents } from '../../../shared/events/outbox.js';
import { contentDisposition } from '../../../shared/http-headers/content-disposition.js';
import { decodeUnicodeHeader } from '../../../shared/http-headers/unicode-header.js';
import { assertImageType, receivePicture } from '../../../shared/pictures/intake.js';
import { StoragePaths } from '../../../shared/data-layout.js';
import { deletePicture, readPicture, savePicture } from '../../../shared/pictures/store.js';
import { envInt } from '../../../shared/config.js';
import { FieldValue } from '@google-cloud/firestore';
import { getRoomForMember, getRoomForOwner } from '../../../shared/access/rooms.js';
import type { RoomRecord } from '../../../shared/rooms/model.js';
import { roomRef } from '../../../shared/rooms/repository.js';
import { results } from '../../../shared/registry/types.js';
import { roomEvents } from '../events.js';
import { operation } from '../../../shared/registry/define.js';
import { binaryContent } from '../../../shared/registry/schema-types.js';
import { noContent, pathIds, uuid } from '../schemas/common.js';

function assertGroup(room: RoomRecord): void {
  if (room.type !== 'group') throw badRequest('only group rooms have a picture');
}

export const getRoomPicture = operation({
  name: 'getRoomPicture',
  summary: "Returns a room's picture (members only); 404 when none was set.",
  bindings: { http: [{ method: 'GET', path: '/rooms/{roomId}/picture' }] },
  permission: 'room member',
  produces: 'image/*',
  responseHeaders: ['Content-Disposition'],
  request: pathIds('roomId'),
  response: {},
}).handle(async (ctx, input) => {
  const { room } = await getRoomForMember(input.roomId, ctx.principal.userId);
  const picture = room.pictureUpdatedAt ? await readPicture(StoragePaths.roomPicture(room.id)) : undefined;
  if (!picture) throw notFound('room picture');
  return results.binary(picture.bytes, picture.contentType, {
    'content-length': String(picture.bytes.length),
    'content-disposition': contentDisposition('inline', picture.fileName),
  });
});

export const updateRoomPicture = operation({
  name: 'updateRoomPicture',
  summary: "Sets a group room's picture (owners only): an image by its bytes, at most CHATS_MAX_ROOM_IMAGE_KB (400 beyond).",
  description:
    '`fileName` is written as backslash-u escapes (`\\u0061\\u002e\\u0070\\u006e\\u0067` is a.png); `mimeType` must be an image/ type.',
  bindings: { http: [{ method: 'PUT', path: '/rooms/{roomId}/picture' }] },
  permission: 'room owner',
  rest: { body: 'binary', headers: { filename: 'fileName', mimetype: 'mimeType' } },
  successStatus: 204,
  request: {
    type: 'object',
    properties: {
      roomId: uuid,
      fileName: { type: 'string', maxLength: 8192 },
      mimeType: { type: 'string', minLength: 1 },
      content: binaryContent,
    },
    required: ['roomId', 'fileName', 'mimeType'],
  },
  response: noContent,
}).handle(async (ctx, input) => {
  const { userId } = ctx.principal;
  const fileName = decodeUnicodeHeader(input.fileName, 'fileName');
  assertGroup((await getRoomForOwner(input.roomId, userId)).room);
  const picture = await receivePicture(input.content, envInt('CHATS_MAX_ROOM_IMAGE_KB') * 1024);
  assertImageType(input.mimeType);
  await savePicture(StoragePaths.roomPicture(input.roomId), picture.bytes, picture.contentType, fileName);
  const pictureUpdatedAt = new Date().toISOString();
  await transactionWithEvents(ctx.events, async (tx, events) => {
    await getRoomForOwner(input.roomId, userId, { tx });
    tx.update(roomRef(input.roomId), { pictureUpdatedAt, updatedAt: pictureUpdatedAt });
    events.emit(roomEvents.pictureChanged.name, `room:${input.roomId}`, { roomId: input.roomId, pictureUpdatedAt });
  });
  return results.empty(204);
});

export const deleteRoomPicture = operation({
  name: 'deleteRoomPicture',
  summary: "Removes a room's picture (owners only); 404 when none was set.",
  bindings: { http: [{ method: 'DELETE', path: '/rooms/{roomId}/picture' }] },
  permission: 'room owner',
  successStatus: 204,
  request: pathIds('roomId'),
  response: noContent,
}).handle(async (ctx, input) => {
  const { userId } = ctx.principal;
  const { room } = await getRoomForOwner(input.roomId, userId);
  if (!room.pictureUpdatedAt) throw notFound('room picture');
  await transactionWithEvents(ctx.events, async (tx, events) => {
    await getRoomForOwner(input.roomId, userId, { tx });
    tx.update(roomRef(input.roomId), { pictureUpdatedAt: FieldValue.delete(), updatedAt: new Date().toISOString() });
    events.emit(roomEvents.pictureDeleted.name, `room:${room.id}`, { roomId: room.id });
  });
  await deletePicture(StoragePaths.roomPicture(room.id));
  return results.empty(204);
});
