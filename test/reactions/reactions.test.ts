import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/client.js';
import { tapEvents, type EventTap } from '../helpers/events.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';
import { responseProblems } from '../../shared/validation/validator.js';
import { reactionEventPayload, userReactions } from '../../functions/reactions/schemas/reaction.js';
import { FieldValue } from '@google-cloud/firestore';
import { Collections } from '../../shared/data-layout.js';
import { resources } from '../../shared/resources/repository.js';

let stack: TestStack;
let events: EventTap;

beforeAll(async () => {
  stack = await startTestStack();
  events = await tapEvents();
});
afterAll(async () => {
  await events?.close();
  await stack?.stop();
});

async function setup() {
  const owner = await stack.user({ name: 'Grace Hopper' });
  const others = [await stack.user(), await stack.user()];
  const api = new ApiClient(stack.url, owner.token);
  const resource = (await api.post<{ id: string; totalReactions: number }>('/api/v0/resource/create', { resource: { title: 'Reactable' } }))
    .body;
  const room = await api.post<{ id: string }>('/rooms', { name: 'Team', type: 'group', membersIds: others.map((o) => o.id) });
  expect(room.status).toBe(201);
  return { owner, others, api, resource, roomId: room.body.id };
}

const totalOf = async (api: ApiClient, id: string) =>
  (await api.ops<{ resource: { totalReactions: number } }>('resource:get', { resource: id })).body.data.resource.totalReactions;

describe('reactions (seed 002)', () => {
  it('sets, replaces, reads and deletes the caller reaction, keeping totalReactions exact', async () => {
    const { api, owner, resource } = await setup();
    expect((await api.ops('resource:setReaction', { resource: resource.id, reaction: 'like' })).status).toBe(200);
    expect((await api.ops('resource:setReaction', { resource: resource.id, reaction: 'love' })).status).toBe(200);
    expect(await totalOf(api, resource.id)).toBe(1);

    const all = await api.ops<{ reactions: string[][]; total: number; ownReaction: string }>('resource:getReactions', {
      resourceId: resource.id,
    });
    expect(responseProblems(userReactions, all.body.data)).toEqual([]);
    expect(all.body.data).toEqual({ reactions: [[owner.id, 'love']], total: 1, ownReaction: 'love' });
    expect((await api.ops('resource:getUserOwnReaction', { resourceId: resource.id })).body.data).toEqual({ ownReaction: 'love' });

    expect((await api.ops('resource:deleteReaction', { resource: resource.id })).status).toBe(200);
    expect((await api.ops('resource:deleteReaction', { resource: resource.id })).status).toBe(200);
    expect(await totalOf(api, resource.id)).toBe(0);
    expect((await api.ops('resource:getUserOwnReaction', { resourceId: resource.id })).body.data).toEqual({ ownReaction: '' });
  });

  it('counts once under concurrent sets and deletes, and does not count comment reactions', async () => {
    const { api, resource } = await setup();
    await Promise.all(Array.from({ length: 6 }, (_, i) => api.ops('resource:setReaction', { resource: resource.id, reaction: `r${i}` })));
    expect(await totalOf(api, resource.id)).toBe(1);
    await api.ops('resource:setReaction', { resource: resource.id, comment: 'c-1', reaction: 'laugh' });
    expect(await totalOf(api, resource.id)).toBe(1);
    await Promise.all(Array.from({ length: 4 }, () => api.ops('resource:deleteReaction', { resource: resource.id })));
    expect(await totalOf(api, resource.id)).toBe(0);
  });

  it('totals a resource reacted to only in comments as 0, and counts the reactions of a resource stored before `reacted`', async () => {
    const { api, others, resource } = await setup();
    await api.ops('resource:setReaction', { resource: resource.id, comment: 'c-1', reaction: 'laugh' });
    expect(await totalOf(api, resource.id)).toBe(0);
    expect((await api.ops<{ total: number }>('resource:getReactions', { resourceId: resource.id })).body.data.total).toBe(0);

    // a resource document from before the field: its reactions were written without marking it
    await resources().doc(resource.id).update({ reacted: FieldValue.delete() });
    const reactions = resources().doc(resource.id).collection(Collections.reactions);
    for (const other of others) await reactions.doc(other.id).set({ userId: other.id, reaction: 'like', updated: Date.now() });
    expect(await totalOf(api, resource.id)).toBe(2);
    expect((await api.ops<{ total: number }>('resource:getReactions', { resourceId: resource.id })).body.data.total).toBe(2);
  });

  it('announces set and delete on the room channel with the seed payload and joins the caller to it', async () => {
    const { api, owner, resource, roomId } = await setup();
    const set = await api.ops('resource:setReaction', { resource: resource.id, room: roomId, reaction: 'clap' });
    expect(set.body.channels.join).toEqual([`room:${roomId}`]);
    const updated = await events.next((e) => e.endpoint === 'resource:reactionUpdated' && e.channel === `room:${roomId}`);
    expect(responseProblems(reactionEventPayload, updated.data)).toEqual([]);
    expect(updated.data).toMatchObject({
      room: roomId,
      resource: resource.id,
      reaction: { reaction: 'clap', fromUser: { id: owner.id, firstName: 'Grace', lastName: 'Hopper' } },
    });

    await api.ops('resource:deleteReaction', { resource: resource.id, room: roomId });
    const deleted = await events.next((e) => e.endpoint === 'resource:reactionDeleted' && e.channel === `room:${roomId}`);
    expect(deleted.data).toMatchObject({ room: roomId, resource: resource.id, reaction: { reaction: 'clap' } });
  });

  it('answers 404 for a resource or a room the caller may not see, and 400 for bad ids, changing nothing', async () => {
    const { api, resource, roomId } = await setup();
    const stranger = new ApiClient(stack.url, (await stack.user()).token);
    expect((await stranger.ops('resource:setReaction', { resource: resource.id, reaction: 'x' })).status).toBe(404);
    expect((await stranger.ops('resource:getReactions', { resourceId: resource.id })).status).toBe(404);
    const otherRoom = (
      await stranger.post<{ id: string }>('/rooms', {
        name: 'Theirs',
        type: 'group',
        membersIds: [(await stack.user()).id, (await stack.user()).id],
      })
    ).body.id;
    const notMember = await api.ops('resource:setReaction', { resource: resource.id, room: otherRoom, reaction: 'x' });
    expect(notMember.status).toBe(404);
    expect(notMember.body.error.message).toBe('room not found');
    expect(await totalOf(api, resource.id)).toBe(0);
    const bad = await api.ops('resource:setReaction', { resource: 'nope', room: roomId, reaction: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^resource /);
    const missing = await api.ops('resource:setReaction', { resource: resource.id });
    expect(missing.body.error.message).toBe('reaction is required');
  });
});
