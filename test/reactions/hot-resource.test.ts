import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/client.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';

/**
 * A popular resource in a live room: 50 users reacting and deleting at once. Every call is
 * answered, and the count read back through the API is exact (it is counted from the reactions,
 * so no call contends on the resource document).
 */
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

const USERS = 50;

describe('reactions on a hot resource', () => {
  it('answers every one of 50 concurrent reactions, then of concurrent double deletions and new reactions, and counts exactly', async () => {
    const owner = await stack.user();
    const members = await Promise.all(Array.from({ length: USERS + 25 }, () => stack.user()));
    const ownerApi = new ApiClient(stack.url, owner.token);
    const room = await ownerApi.post<{ id: string }>('/rooms', { name: 'Live', type: 'group', membersIds: members.map((m) => m.id) });
    expect(room.status).toBe(201);
    const created = await ownerApi.ops<{ resource: { id: string } }>('resource:create', {
      resource: { title: 'Popular' },
      roomId: room.body.id,
    });
    expect(created.status).toBe(200);
    const resource = created.body.data.resource.id;
    const apis = members.map((m) => new ApiClient(stack.url, m.token));
    // every member's profile exists before the concurrent part
    await Promise.all(apis.map((api) => api.ops('resource:getUserOwnReaction', { resourceId: resource })));

    const reactions = await Promise.all(
      apis
        .slice(0, USERS)
        .map((api, i) => api.ops('resource:setReaction', { resource, room: room.body.id, reaction: i % 2 ? 'like' : 'love' })),
    );
    expect(reactions.map((r) => r.status)).toEqual(reactions.map(() => 200));
    const total = async () => {
      const listed = await ownerApi.ops<{ total: number; reactions: string[][] }>('resource:getReactions', { resourceId: resource });
      const got = await ownerApi.ops<{ resource: { totalReactions: number } }>('resource:get', { resource });
      expect(got.body.data.resource.totalReactions).toBe(listed.body.data.total);
      expect(listed.body.data.reactions).toHaveLength(listed.body.data.total);
      return listed.body.data.total;
    };
    expect(await total()).toBe(USERS);
    // any answer showing the resource shows the count, not a stored copy of it
    const updated = await ownerApi.ops<{ resource: { totalReactions: number } }>('resource:updateAttributes', {
      resource,
      attributes: { title: 'Still popular' },
    });
    expect(updated.status).toBe(200);
    expect(updated.body.data.resource.totalReactions).toBe(USERS);

    // 25 users delete their reaction twice at once while 25 others react for the first time
    const leaving = apis.slice(0, 25);
    const joining = apis.slice(USERS, USERS + 25);
    const mixed = await Promise.all([
      ...leaving.flatMap((api) => [
        api.ops('resource:deleteReaction', { resource, room: room.body.id }),
        api.ops('resource:deleteReaction', { resource, room: room.body.id }),
      ]),
      ...joining.map((api) => api.ops('resource:setReaction', { resource, room: room.body.id, reaction: 'wow' })),
    ]);
    expect(mixed.map((r) => r.status)).toEqual(mixed.map(() => 200));
    expect(await total()).toBe(USERS);
    for (const api of leaving)
      expect((await api.ops('resource:getUserOwnReaction', { resourceId: resource })).body.data).toEqual({ ownReaction: '' });
  }, 180_000);
});
