import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tapEvents, type EventTap } from '../helpers/events.js';
import { decoded, pngImage, jpegImage } from './support/media.js';
import { expectValidBody } from './support/operations.js';
import { expectError, withEnv } from './support/rooms.js';
import { startChatsStack, type ChatsStack } from './support/stack.js';
import { encodeUnicodeHeader } from '../../shared/http-headers/unicode-header.js';

let chats: ChatsStack;
let events: EventTap;

beforeAll(async () => {
  chats = await startChatsStack();
  events = await tapEvents();
});

afterAll(async () => {
  await events?.close();
  await chats?.stop();
});

interface UserBody {
  id: string;
  email: string;
  name: string;
  type: string;
  pictureUpdatedAt?: string;
}

const pictureHeaders = (fileName = 'me.png', mimeType = 'image/png') => ({
  'content-type': 'application/octet-stream',
  filename: encodeUnicodeHeader(fileName),
  mimetype: mimeType,
});

describe('getUser / getUsers', () => {
  it('returns a user known from their token, to any authenticated user', async () => {
    const ada = await chats.user('Ada Lovelace');
    const bob = await chats.user('Bob');
    await ada.api.get('/users/capabilities');
    const res = await bob.api.get<UserBody>(`/users/${ada.id}`);
    expect(res.status).toBe(200);
    expectValidBody('getUser', res.body);
    expect(res.body).toEqual({
      id: ada.id,
      name: 'Ada Lovelace',
      email: expect.stringMatching(/^ada\.lovelace\.\d+@example\.com$/),
      type: 'internal',
    });
    expectError(await bob.api.get(`/users/${randomUUID()}`), 404, /user not found/);
    expectError(await bob.api.get('/users/ada'), 400, /userId/);
    expectError(await chats.anonymous.get(`/users/${ada.id}`), 401);
  });

  it('returns up to 10 users by id, repeated or comma-separated, leaving unknown ids out', async () => {
    const people = await Promise.all(Array.from({ length: 3 }, () => chats.user()));
    // profiles are made from token claims on a user's first call
    await Promise.all(people.map((p) => p.api.get('/users/capabilities')));
    const ids = people.map((p) => p.id);
    const unknown = randomUUID();
    const repeated = await people[0].api.get<UserBody[]>(`/users?${[...ids, unknown].map((id) => `userIds=${id}`).join('&')}`);
    expect(repeated.status).toBe(200);
    expectValidBody('getUsers', repeated.body);
    expect(repeated.body.map((u) => u.id)).toEqual(ids);
    const comma = await people[0].api.get<UserBody[]>(`/users?userIds=${ids.join(',')}`);
    expect(comma.body).toEqual(repeated.body);

    const eleven = Array.from({ length: 11 }, () => randomUUID()).join(',');
    expectError(await people[0].api.get(`/users?userIds=${eleven}`), 400, /at most 10/);
    expectError(await people[0].api.get(`/users?userIds=${ids[0]},nope`), 400, /not a UUID: nope/);
    expectError(await people[0].api.get('/users'), 400, /userIds is required/);
  });
});

describe('getCapabilities', () => {
  it('answers the capabilities from configuration', async () => {
    const user = await chats.user();
    const defaults = await user.api.get<Record<string, unknown>>('/users/capabilities');
    expect(defaults.status).toBe(200);
    expectValidBody('getCapabilities', defaults.body);
    expect(defaults.body).toEqual({
      canSeeMessageReads: true,
      canSeeUsersPresence: true,
      canVideoCall: true,
      canVideoCallRecord: true,
      canUseVirtualBackground: true,
      editMessageTimeLimitInMinutes: 10,
      deleteMessageTimeLimitInMinutes: 10,
      maxGroupMembers: 128,
      maxRoomImageSizeInKb: 512,
      maxUserImageSizeInKb: 512,
    });
    const configured = await withEnv(
      {
        CHATS_MAX_GROUP_MEMBERS: '20',
        CHATS_CAN_VIDEO_CALL_RECORD: 'false',
        CHATS_MAX_USER_IMAGE_KB: '64',
        CHATS_EDIT_MESSAGE_TIME_LIMIT_MINUTES: '3',
      },
      () => user.api.get<Record<string, unknown>>('/users/capabilities'),
    );
    expect(configured.body).toMatchObject({
      maxGroupMembers: 20,
      canVideoCallRecord: false,
      maxUserImageSizeInKb: 64,
      editMessageTimeLimitInMinutes: 3,
    });
    expectError(await chats.anonymous.get('/users/capabilities'), 401);
  });
});

describe('user pictures', () => {
  it('lets a user set their picture, which anyone can fetch as the image it is', async () => {
    const me = await chats.user();
    const other = await chats.user();
    const before = Date.now();
    const put = await me.api.put(`/users/${me.id}/picture`, await pngImage(64, 48), pictureHeaders('photo été.png'));
    expect(put.status).toBe(204);
    const profile = await other.api.get<UserBody>(`/users/${me.id}`);
    expectValidBody('getUser', profile.body);
    expect(Date.parse(profile.body.pictureUpdatedAt ?? '')).toBeGreaterThanOrEqual(before - 1000);
    const event = await events.next((e) => e.endpoint === 'chats:userPictureChanged' && e.channel === `user:${me.id}`);
    expect(event.data).toEqual({ userId: me.id, pictureUpdatedAt: profile.body.pictureUpdatedAt });

    const got = await other.api.get<Buffer>(`/users/${me.id}/picture`);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/png');
    expect(got.headers.get('content-length')).toBe(String(got.body.length));
    expect(got.headers.get('content-disposition')).toContain("filename*=UTF-8''photo%20%C3%A9t%C3%A9.png");
    expect(await decoded(got.body)).toMatchObject({ format: 'png', width: 64, height: 48 });

    const replaced = await me.api.put(`/users/${me.id}/picture`, await jpegImage(30, 20), pictureHeaders('new.jpg', 'image/jpeg'));
    expect(replaced.status).toBe(204);
    const again = await me.api.get<Buffer>(`/users/${me.id}/picture`);
    expect(again.headers.get('content-type')).toBe('image/jpeg');
    expect(await decoded(again.body)).toMatchObject({ format: 'jpeg', width: 30, height: 20 });
  });

  it("refuses other users' pictures (403), non-images and oversize pictures (400)", async () => {
    const me = await chats.user();
    const other = await chats.user();
    expectError(await other.api.put(`/users/${me.id}/picture`, await pngImage(8, 8), pictureHeaders()), 403, /own picture/);
    expectError(await me.api.put(`/users/${me.id}/picture`, Buffer.from('%PDF-1.4 not an image'), pictureHeaders()), 400, /not an image/);
    expectError(
      await me.api.put(`/users/${me.id}/picture`, Buffer.from('\x89PNG\r\n\x1a\n truncated'), pictureHeaders()),
      400,
      /not an image|cannot be used/,
    );
    await withEnv({ MEDIA_MAX_PIXELS: '1000' }, async () => {
      expectError(await me.api.put(`/users/${me.id}/picture`, await pngImage(40, 30), pictureHeaders()), 400, /image too large/);
    });
    await withEnv({ CHATS_MAX_USER_IMAGE_KB: '1' }, async () => {
      const big = await pngImage(400, 400);
      expect(big.length).toBeGreaterThan(1024);
      expectError(await me.api.put(`/users/${me.id}/picture`, big, pictureHeaders()), 400, /larger than the maximum of 1 kB/);
    });
    expectError(
      await me.api.put(`/users/${me.id}/picture`, await pngImage(8, 8), {
        'content-type': 'application/octet-stream',
        mimetype: 'image/png',
      }),
      400,
      /fileName is required/,
    );
    expectError(await me.api.get(`/users/${me.id}/picture`), 404, /picture not found/);
    expect((await me.api.get<UserBody>(`/users/${me.id}`)).body).not.toHaveProperty('pictureUpdatedAt');
  });

  it('lets only the user delete their picture', async () => {
    const me = await chats.user();
    const other = await chats.user();
    await me.api.put(`/users/${me.id}/picture`, await pngImage(16, 16), pictureHeaders());
    expectError(await other.api.delete(`/users/${me.id}/picture`), 403);
    expect((await me.api.delete(`/users/${me.id}/picture`)).status).toBe(204);
    await events.next((e) => e.endpoint === 'chats:userPictureDeleted' && e.channel === `user:${me.id}`);
    expectError(await other.api.get(`/users/${me.id}/picture`), 404);
    expect((await other.api.get<UserBody>(`/users/${me.id}`)).body).not.toHaveProperty('pictureUpdatedAt');
    expectError(await me.api.delete(`/users/${me.id}/picture`), 404);
    expectError(await me.api.get(`/users/${randomUUID()}/picture`), 404);
  });
});
