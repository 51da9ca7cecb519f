import { envInt } from '../../../shared/config.js';
import { eventList } from '../../../shared/events/outbox.js';
import { forbidden, notFound } from '../../../shared/errors/api-error.js';
import { contentDisposition } from '../../../shared/http-headers/content-disposition.js';
import { decodeUnicodeHeader } from '../../../shared/http-headers/unicode-header.js';
import { assertImageType, receivePicture } from '../../../shared/pictures/intake.js';
import { StoragePaths } from '../../../shared/data-layout.js';
import { deletePicture, readPicture, savePicture } from '../../../shared/pictures/store.js';
import { operation } from '../../../shared/registry/define.js';
import { binaryContent } from '../../../shared/registry/schema-types.js';
import { results } from '../../../shared/registry/types.js';
import { userAndContacts } from '../store/contacts.js';
import { userEvents } from '../events.js';
import { noContent, uuid } from '../schemas/common.js';
import { readUser, setPictureUpdatedAt } from '../store/profiles.js';

const userIdOnly = { type: 'object', properties: { userId: uuid }, required: ['userId'] } as const;

function assertSelf(requesterId: string, userId: string): void {
  if (requesterId !== userId) throw forbidden('only the user can change their own picture');
}

export const getUserPicture = operation({
  name: 'getUserPicture',
  summary: "Returns a user's picture; 404 when the user or the picture does not exist.",
  bindings: { http: [{ method: 'GET', path: '/users/{userId}/picture' }] },
  permission: 'authenticated user',
  produces: 'image/*',
  responseHeaders: ['Content-Disposition'],
  request: userIdOnly,
  response: {},
}).handle(async (_ctx, input) => {
  const user = await readUser(input.userId);
  const picture = user?.pictureUpdatedAt ? await readPicture(StoragePaths.userPicture(input.userId)) : undefined;
  if (!picture) throw notFound('user picture');
  return results.binary(picture.bytes, picture.contentType, {
    'content-length': String(picture.bytes.length),
    'content-disposition': contentDisposition('inline', picture.fileName),
  });
});

export const updateUserPicture = operation({
  name: 'updateUserPicture',
  summary: "Sets the requester's own picture: an image by its bytes, at most CHATS_MAX_USER_IMAGE_KB (400 beyond).",
  description:
    '`fileName` is written as backslash-u escapes (`\\u0061\\u002e\\u0070\\u006e\\u0067` is a.png); `mimeType` must be an image/ type.',
  bindings: { http: [{ method: 'PUT', path: '/users/{userId}/picture' }] },
  permission: 'the user themselves',
  rest: { body: 'binary', headers: { filename: 'fileName', mimetype: 'mimeType' } },
  successStatus: 204,
  request: {
    type: 'object',
    properties: {
      userId: uuid,
      fileName: { type: 'string', maxLength: 8192 },
      mimeType: { type: 'string', minLength: 1 },
      content: binaryContent,
    },
    required: ['userId', 'fileName', 'mimeType'],
  },
  response: noContent,
}).handle(async (ctx, input) => {
  const fileName = decodeUnicodeHeader(input.fileName, 'fileName');
  assertSelf(ctx.principal.userId, input.userId);
  const picture = await receivePicture(input.content, envInt('CHATS_MAX_USER_IMAGE_KB') * 1024);
  assertImageType(input.mimeType);
  await savePicture(StoragePaths.userPicture(input.userId), picture.bytes, picture.contentType, fileName);
  const pictureUpdatedAt = new Date().toISOString();
  const events = eventList();
  for (const id of await userAndContacts(input.userId)) {
    events.emit(userEvents.pictureChanged.name, `user:${id}`, { userId: input.userId, pictureUpdatedAt });
  }
  await setPictureUpdatedAt(input.userId, pictureUpdatedAt, ctx.events, events.pending);
  return results.empty(204);
});

export const deleteUserPicture = operation({
  name: 'deleteUserPicture',
  summary: "Removes the requester's own picture; 404 when none was set.",
  bindings: { http: [{ method: 'DELETE', path: '/users/{userId}/picture' }] },
  permission: 'the user themselves',
  successStatus: 204,
  request: userIdOnly,
  response: noContent,
}).handle(async (ctx, input) => {
  assertSelf(ctx.principal.userId, input.userId);
  const user = await readUser(input.userId);
  if (!user?.pictureUpdatedAt) throw notFound('user picture');
  const events = eventList();
  for (const id of await userAndContacts(input.userId)) events.emit(userEvents.pictureDeleted.name, `user:${id}`, { userId: input.userId });
  await setPictureUpdatedAt(input.userId, undefined, ctx.events, events.pending);
  await deletePicture(StoragePaths.userPicture(input.userId));
  return results.empty(204);
});
