import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployables } from '../../functions/manifest.js';
import { ApiClient } from '../helpers/client.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';
import { newUser, type User } from '../resources/support.js';

/**
 * Values Firestore refuses (nesting, size, reserved keys and ids, lone surrogates) are answered 400
 * naming the field by every operation that stores client data, and nothing is written.
 */
let stack: TestStack;
beforeAll(async () => {
  const names = new Set(['resources', 'chats-rooms', 'props', 'reactions']);
  stack = await startTestStack({ deployables: deployables.filter((d) => names.has(d.name)) });
});
afterAll(async () => stack?.stop());

/** `{ l1: { l2: ... { leaf: true } } }` with `levels` maps */
function nested(levels: number): Record<string, unknown> {
  let value: Record<string, unknown> = { leaf: true };
  for (let i = levels; i >= 1; i--) value = { [`l${i}`]: value };
  return value;
}

const LONE = '\ud800';
const OVER_ONE_MIB = 'x'.repeat(1_100_000);

async function tableOf(user: User): Promise<string[]> {
  return (await user.search(`userSortingTable:${user.id}`)).resources.map((r) => r.id);
}

describe('Firestore limits at the edge', () => {
  it('resource:create refuses what Firestore cannot store, naming the field, and creates nothing', async () => {
    const user = await newUser(stack);
    // levels count from the request's top-level field (`resource`): its leaf sits 20 maps below it
    const deepest = await user.create({ resource: { title: 'deep', customParams: nested(18) } });
    expect((await user.get(deepest.id)).customParams).toEqual(nested(18));

    await user.fails(
      'resource:create',
      { resource: { title: 'too deep', customParams: nested(19) } },
      400,
      /^resource\.customParams\.l1\..*\.l19\.leaf is nested deeper than 20 levels/,
    );
    await user.fails(
      'resource:create',
      { resource: { title: 'big', customParams: { blob: OVER_ONE_MIB } } },
      400,
      /^resource\.customParams\.blob is too large: .*1 MiB/,
    );
    await user.fails(
      'resource:create',
      { resource: { title: 'reserved', customParams: { __name__: 1 } } },
      400,
      /resource\.customParams key "__name__" must not match __\.\*__/,
    );
    await user.fails(
      'resource:create',
      { resource: { title: 'empty key', customParams: { ok: { '': 1 } } } },
      400,
      /resource\.customParams\.ok key "" must not be empty/,
    );
    await user.fails('resource:create', { resource: { title: `lone ${LONE}` } }, 400, /^resource\.title must be valid UTF-16/);
    await user.fails(
      'resource:create',
      { resource: { title: 'key', customParams: { [`k${LONE}`]: 1 } } },
      400,
      /resource\.customParams key .* must be valid UTF-16/,
    );
    await user.fails(
      'resource:create',
      { resource: { title: 'nested arrays', customParams: { grid: [[1, 2]] } } },
      400,
      /resource\.customParams\.grid\[0\] is an array directly inside an array/,
    );
    await user.fails(
      'resource:create',
      { resource: { title: 'negative', metadata: { fileSize: -1 } } },
      400,
      /resource\.metadata\.fileSize must be >= 0/,
    );
    await user.fails(
      'resource:create',
      { resource: { title: 'negative', metadata: { dimensions: { width: -5 } } } },
      400,
      /resource\.metadata\.dimensions\.width must be >= 0/,
    );
    await user.fails(
      'resource:create',
      { resource: { title: 'reserved belonging' }, belonging: `userSortingTable:__${user.id}__` },
      400,
      /belonging/,
    );

    expect(await tableOf(user)).toEqual([deepest.id]);
  });

  it('resource:updateAttributes refuses the same values and leaves the resource as it was', async () => {
    const user = await newUser(stack);
    const made = await user.create({ resource: { title: 'Kept', customParams: { a: 1 } } });
    const before = await user.get(made.id);

    await user.fails(
      'resource:updateAttributes',
      { resource: made.id, params: { deep: nested(21) } },
      400,
      /^params\.deep\.l1\..*nested deeper than 20 levels/,
    );
    await user.fails('resource:updateAttributes', { resource: made.id, params: { blob: OVER_ONE_MIB } }, 400, /^params\.blob is too large/);
    await user.fails('resource:updateAttributes', { resource: made.id, params: { inner: { __x__: 1 } } }, 400, /params\.inner key "__x__"/);
    await user.fails(
      'resource:updateAttributes',
      { resource: made.id, attributes: { title: `a${LONE}b` } },
      400,
      /^attributes\.title must be valid UTF-16/,
    );

    expect(await user.get(made.id)).toEqual(before);
  });

  it('prop updates refuse reserved prop ids and lone surrogates, and create no prop', async () => {
    const owner = await newUser(stack);
    const roomId = await owner.room();
    const rpc = (body: Record<string, unknown>) =>
      owner.api.post<{ error: { code: number; message: string } }>('/jsonRpc/prop.updateProp', { roomId, ...body });

    for (const propId of ['__x__', '.', '..', 'a/b']) {
      const res = await rpc({ propId, title: 'T' });
      expect(res.status, propId).toBe(400);
      expect(res.body.error.message).toMatch(/propId/);
    }
    const lone = await rpc({ propId: 'booth', title: `T${LONE}` });
    expect(lone.status).toBe(400);
    expect(lone.body.error.message).toMatch(/^title must be valid UTF-16/);

    for (const propId of ['__x__', 'booth']) {
      expect((await owner.api.post('/jsonRpc/prop.getPropModel', { roomId, propId })).status).not.toBe(200);
    }
  });

  it('reactions refuse a comment that cannot be part of a document id, and store no reaction', async () => {
    const user = await newUser(stack);
    const made = await user.create({ resource: { title: 'Reactable' } });
    for (const comment of ['a/b', '..', '__c__']) {
      await user.fails('resource:setReaction', { resource: made.id, comment, reaction: 'like' }, 400, /comment/);
    }
    await user.fails('resource:setReaction', { resource: made.id, reaction: `like${LONE}` }, 400, /^reaction must be valid UTF-16/);
    expect(await user.ok('resource:getReactions', { resourceId: made.id })).toMatchObject({ total: 0, ownReaction: '' });
    expect((await user.get(made.id)).totalReactions).toBe(0);
  });

  it('chats bodies refuse lone surrogates with the seed 003 envelope, and store nothing', async () => {
    const owner = await newUser(stack);
    const api = new ApiClient(stack.url, owner.token);
    const lone = await api.post<{ message: string }>('/rooms', { type: 'group', name: `Team ${LONE}`, membersIds: [] });
    expect(lone.status).toBe(400);
    expect(lone.body.message).toMatch(/name must be valid UTF-16/);

    const roomId = await owner.room();
    const forward = await api.post<{ message: string }>(`/rooms/${roomId}/forward`, { messages: [{ originalMessage: `hi ${LONE}` }] });
    expect(forward.status).toBe(400);
    expect(forward.body.message).toMatch(/messages\[0\]\.originalMessage must be valid UTF-16/);

    const rooms = await api.get<{ rooms?: Array<{ id: string }> } | Array<{ id: string }>>('/rooms');
    expect(rooms.status).toBe(200);
    expect(JSON.stringify(rooms.body)).not.toContain('Team');
  });
});
