import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bucket } from '../../shared/gcp/clients.js';
import { tapEvents, type EventTap } from '../helpers/events.js';
import { decoded, pngImage } from './support/media.js';
import { expectValidBody } from './support/operations.js';
import { createRoom, expectError, withEnv, type RoomBody } from './support/rooms.js';
import { startChatsStack, type ChatsStack, type ChatsUser } from './support/stack.js';
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

const headers = { 'content-type': 'application/octet-stream', filename: encodeUnicodeHeader('room.png'), mimetype: 'image/png' };

async function groupOf3(): Promise<{ owner: ChatsUser; member: ChatsUser; room: RoomBody }> {
  const [owner, member, third] = await Promise.all([chats.user(), chats.user(), chats.user()]);
  const room = await createRoom(owner.api, { type: 'group', name: 'Pictured', membersIds: [member.id, third.id] });
  return { owner, member, room };
}

describe('room pictures', () => {
  it("lets owners set a group's picture, which members fetch as the image it is", async () => {
    const { owner, member, room } = await groupOf3();
    expectError(await member.api.get(`/rooms/${room.id}/picture`), 404, /picture not found/);
    expect((await owner.api.put(`/rooms/${room.id}/picture`, await pngImage(120, 80), headers)).status).toBe(204);
    const seen = await member.api.get<RoomBody>(`/rooms/${room.id}`);
    expectValidBody('getRoom', seen.body);
    expect(seen.body.pictureUpdatedAt).toEqual(expect.any(String));
    const event = await events.next((e) => e.endpoint === 'chats:roomPictureChanged' && e.channel === `room:${room.id}`);
    expect(event.data).toEqual({ roomId: room.id, pictureUpdatedAt: seen.body.pictureUpdatedAt });

    const got = await member.api.get<Buffer>(`/rooms/${room.id}/picture`);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/png');
    expect(Number(got.headers.get('content-length'))).toBe(got.body.length);
    expect(await decoded(got.body)).toMatchObject({ format: 'png', width: 120, height: 80 });
  });

  it('is 403 for members who are not owners and for outsiders, 404 for unknown rooms, 400 for other room types, non-images and oversize pictures', async () => {
    const { owner, member, room } = await groupOf3();
    const stranger = await chats.user();
    const image = await pngImage(32, 32);
    expectError(await member.api.put(`/rooms/${room.id}/picture`, image, headers), 403);
    expectError(await stranger.api.put(`/rooms/${room.id}/picture`, image, headers), 403);
    expectError(await owner.api.put(`/rooms/${randomUUID()}/picture`, image, headers), 404);
    expectError(await owner.api.put(`/rooms/${room.id}/picture`, Buffer.from('GIF89a? nope'), headers), 400, /not an image|cannot be used/);
    expectError(await owner.api.put(`/rooms/${room.id}/picture`, Buffer.from('plain text'), headers), 400, /not an image/);
    await withEnv({ CHATS_MAX_ROOM_IMAGE_KB: '1' }, async () => {
      expectError(
        await owner.api.put(`/rooms/${room.id}/picture`, await pngImage(300, 300), headers),
        400,
        /larger than the maximum of 1 kB/,
      );
    });
    const ws = await createRoom(owner.api, { type: 'workspace', name: 'W', membersIds: [member.id, stranger.id] });
    expectError(await owner.api.put(`/rooms/${ws.id}/picture`, image, headers), 400, /only group rooms/);
    expect((await owner.api.get<RoomBody>(`/rooms/${room.id}`)).body).not.toHaveProperty('pictureUpdatedAt');

    await owner.api.put(`/rooms/${room.id}/picture`, image, headers);
    expect((await member.api.get(`/rooms/${room.id}/picture`)).status).toBe(200);
    expectError(await stranger.api.get(`/rooms/${room.id}/picture`), 403);
    expectError(await member.api.get(`/rooms/${randomUUID()}/picture`), 404);
  });

  it('lets owners delete the picture', async () => {
    const { owner, member, room } = await groupOf3();
    await owner.api.put(`/rooms/${room.id}/picture`, await pngImage(10, 10), headers);
    expectError(await member.api.delete(`/rooms/${room.id}/picture`), 403);
    expect((await owner.api.delete(`/rooms/${room.id}/picture`)).status).toBe(204);
    await events.next((e) => e.endpoint === 'chats:roomPictureDeleted' && e.channel === `room:${room.id}`);
    expectError(await member.api.get(`/rooms/${room.id}/picture`), 404);
    expect((await member.api.get<RoomBody>(`/rooms/${room.id}`)).body).not.toHaveProperty('pictureUpdatedAt');
    expectError(await owner.api.delete(`/rooms/${room.id}/picture`), 404);
    expectError(await owner.api.delete(`/rooms/${randomUUID()}/picture`), 404);
  });

  it('goes away with its room', async () => {
    const { owner, room } = await groupOf3();
    await owner.api.put(`/rooms/${room.id}/picture`, await pngImage(10, 10), headers);
    expect((await bucket().file(`pictures/rooms/${room.id}`).exists())[0]).toBe(true);
    expect((await owner.api.delete(`/rooms/${room.id}`)).status).toBe(204);
    expect((await bucket().file(`pictures/rooms/${room.id}`).exists())[0]).toBe(false);
  });
});
