import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resources } from '../../shared/resources/collection.js';
import { resourceSchema } from '../../shared/resources/schema.js';
import { responseProblems } from '../../shared/validation/validator.js';
import { tapEvents, type EventTap } from '../helpers/events.js';
import type { TestStack } from '../helpers/stack.js';
import { eventOn, newUser, startResourcesStack, type Resource, type User } from './support.js';

let stack: TestStack;
let events: EventTap;

beforeAll(async () => {
  stack = await startResourcesStack();
  events = await tapEvents();
});
afterAll(async () => {
  await events?.close();
  await stack?.stop();
});

const user = (claims?: { networkId?: string }) => newUser(stack, claims);

/** Simulates processing finishing: the stored resource becomes ready with bytes at a storage path. */
async function markReady(id: string, storagePath = `originals/${id}`) {
  await resources().doc(id).update({ status: 'ready', storagePath, metadata: { contentType: 'image/png', fileName: 'a.png' } });
}

describe('resource create: placement', () => {
  it('puts a resource in the caller sorting table by default and with addToSortingTable, over REST and WebSocket', async () => {
    const owner = await user();
    const rest = await owner.api.post<Resource>('/api/v0/resource/create', { resource: { title: 'Rest made', customParams: { a: { b: 1 } } } });
    expect(rest.status).toBe(200);
    expect(responseProblems(resourceSchema, rest.body)).toEqual([]);
    expect(rest.body).toMatchObject({ belonging: `userSortingTable:${owner.id}`, status: 'pending', totalReactions: 0, title: 'Rest made', customParams: { a: { b: 1 } } });
    const ws = await owner.create({ resource: { title: 'Ws made' }, addToSortingTable: true });
    expect(ws.belonging).toBe(`userSortingTable:${owner.id}`);
    const added = await eventOn(events, 'sortingTable:addResources', `user:${owner.id}`, (d) => (d.resources as Resource[])[0].id === ws.id);
    expect(added).toEqual({ resources: [ws] });
    const inBelonging = await eventOn(events, 'resource:addedToBelonging', `belonging:userSortingTable:${owner.id}`, (d) => (d.resources as Resource[])[0].id === ws.id);
    expect(inBelonging).toEqual({ belonging: `userSortingTable:${owner.id}`, resources: [ws] });
  });

  it('ignores server-owned fields a client slips into the resource', async () => {
    const owner = await user();
    const made = await owner.create({
      resource: { title: 'Sneaky', status: 'ready', ownerId: 'x', storagePath: 'originals/other', linkId: 'y', totalReactions: 9, data: { directory: { innerContentCount: 5 } } },
    });
    expect(made).toMatchObject({ status: 'pending', totalReactions: 0 });
    expect(made).not.toHaveProperty('linkId');
    expect(made.data?.directory).toBeUndefined();
    const stored = (await resources().doc(made.id).get()).data();
    expect(stored).toMatchObject({ ownerId: owner.id });
    expect(stored).not.toHaveProperty('storagePath');
  });

  it('places in a directory, a room, a prop, a room sorting table, an upload session or AI generations, with their events', async () => {
    const owner = await user();
    const member = await user();
    const roomId = await owner.room([member]);
    const dir = await owner.directory('Photos');

    const inDir = await owner.create({ resource: { title: 'in dir' }, parent: dir.id });
    expect(inDir.belonging).toBe(`directory:${dir.id}`);
    expect(await eventOn(events, 'sortingTable:addResourcesToDirectory', `user:${owner.id}`, (d) => d.directoryId === dir.id)).toEqual({ directoryId: dir.id, resources: [inDir] });
    expect((await owner.get(dir.id)).data?.directory).toEqual({ innerContentType: 'other', innerContentCount: 1 });

    expect((await owner.create({ roomId })).belonging).toBe(`room:${roomId}`);
    expect((await owner.create({ roomId, propId: 'prop-1' })).belonging).toBe(`room:${roomId}/prop-1`);
    const contributed = await member.create({ contributeToRoom: roomId });
    expect(contributed.belonging).toBe(`roomSortingTable:${roomId}`);
    expect(await eventOn(events, 'resource:addedToBelonging', `belonging:roomSortingTable:${roomId}`)).toEqual({ belonging: `roomSortingTable:${roomId}`, resources: [contributed] });

    const session = await owner.create({ belonging: `uploadSession:${owner.id}/s-1` });
    expect(session.belonging).toBe(`uploadSession:${owner.id}/s-1`);
    expect(await eventOn(events, 'resource:addedToUploadSession', `user:${owner.id}`)).toEqual({ resources: [session] });
    expect((await owner.create({ belonging: `userAIGeneration:${owner.id}(default)` })).belonging).toBe(`userAIGeneration:${owner.id}`);
  });

  it('keeps the network: the caller network or the default one, from networkId or the belonging suffix', async () => {
    const owner = await user({ networkId: 'acme' });
    const explicit = await owner.create({ networkId: 'default' });
    expect((await resources().doc(explicit.id).get()).get('networkId')).toBe('default');
    const implicit = await owner.create({});
    expect((await resources().doc(implicit.id).get()).get('networkId')).toBe('acme');
    const suffixed = await owner.create({ belonging: `userSortingTable:${owner.id}(default)` });
    expect((await resources().doc(suffixed.id).get()).get('networkId')).toBe('default');
    await owner.fails('resource:create', { networkId: 'other' }, 403, /network other/);
    await owner.fails('resource:create', { networkId: 'acme', belonging: `userSortingTable:${owner.id}(default)` }, 400, /contradicts/);
  });
});

describe('resource create: refusals write nothing', () => {
  it('answers a clear 4xx for every bad placement', async () => {
    const owner = await user();
    const other = await user();
    const member = await user();
    const roomId = await owner.room([member]);
    const file = await owner.create({});
    const cases: Array<[Record<string, unknown>, number, RegExp]> = [
      [{ belonging: 'nowhere:abc' }, 400, /belonging type "nowhere" is unknown/],
      [{ belonging: 'userSortingTable' }, 400, /malformed/],
      [{ belonging: 'directory:not-a-uuid' }, 400, /directory id is a UUID/],
      [{ belonging: 'room:a/b/c' }, 400, /malformed for type room/],
      [{ parent: 'nope' }, 400, /parent must match format "uuid"/],
      [{ parent: randomUUID() }, 404, /directory not found/],
      [{ parent: file.id }, 404, /directory not found/],
      [{ belonging: `userSortingTable:${other.id}` }, 403, /belongs to another user/],
      [{ belonging: `trashcan:${owner.id}` }, 400, /resource:delete/],
      [{ belonging: `roomProps:${roomId}` }, 400, /virtual belonging/],
      [{ roomId: randomUUID() }, 404, /room not found/],
      [{ propId: 'p' }, 400, /propId needs roomId/],
      [{ parent: randomUUID(), addToSortingTable: true }, 400, /one placement.*parent, addToSortingTable/],
      [{ resource: { title: 7 } }, 400, /resource\.title/],
    ];
    for (const [data, status, message] of cases) await owner.fails('resource:create', data, status, message);
    await other.fails('resource:create', { contributeToRoom: roomId }, 404, /room not found/);
    await member.fails('resource:create', { roomId }, 403, /only owners of room/);
    await member.fails('resource:create', { roomId, propId: 'p1' }, 403, /only owners of room/);
    const ownDir = await owner.directory('Mine');
    await other.fails('resource:create', { parent: ownDir.id }, 404, /directory not found/);

    const stored = await resources().where('ownerId', 'in', [owner.id, other.id, member.id]).get();
    expect(stored.docs.map((d) => d.id).sort()).toEqual([file.id, ownDir.id].sort());
  });
});

describe('resource:createDirectory', () => {
  it('creates a ready, empty directory wherever the caller may write', async () => {
    const owner = await user();
    const dir = await owner.directory('Music');
    expect(dir).toMatchObject({ title: 'Music', status: 'ready', belonging: `userSortingTable:${owner.id}`, data: { directory: { innerContentType: 'empty', innerContentCount: 0 } } });
    const nested = await owner.directory('Jazz', `directory:${dir.id}`);
    expect(nested.belonging).toBe(`directory:${dir.id}`);
    expect((await owner.get(dir.id)).data?.directory).toEqual({ innerContentType: 'directory', innerContentCount: 1 });
    await owner.fails('resource:createDirectory', { title: 'x', belonging: 'bogus:1' }, 400, /unknown/);
  });
});

describe('resource:createLinkResource', () => {
  it('shares the stored bytes of a ready resource without copying them; local for own resources, global for others', async () => {
    const owner = await user();
    const friend = await user();
    const roomId = await owner.room([friend]);
    const original = await owner.create({ resource: { title: 'Original', description: 'bytes' }, contributeToRoom: roomId });
    await friend.fails('resource:createLinkResource', { resource: original.id }, 409, /only ready resources/);
    await markReady(original.id);

    const own = (await owner.ok<{ resource: Resource }>('resource:createLinkResource', { resource: original.id })).resource;
    expect(own).toMatchObject({ linkId: original.id, linkType: 'local', title: 'Original', status: 'ready', belonging: `userSortingTable:${owner.id}`, totalReactions: 0 });
    expect(own.id).not.toBe(original.id);
    const linked = (await friend.ok<{ resource: Resource }>('resource:createLinkResource', { resource: original.id })).resource;
    expect(linked).toMatchObject({ linkId: original.id, linkType: 'global', belonging: `userSortingTable:${friend.id}` });
    const linkOfLink = (await friend.ok<{ resource: Resource }>('resource:createLinkResource', { resource: linked.id })).resource;
    expect(linkOfLink.linkId).toBe(original.id);

    for (const id of [own.id, linked.id, linkOfLink.id]) {
      expect((await resources().doc(id).get()).get('storagePath')).toBe(`originals/${original.id}`);
    }
    expect((await resources().doc(linked.id).get()).get('ownerId')).toBe(friend.id);
  });

  it('refuses what the caller may not read (404) and directories (400)', async () => {
    const owner = await user();
    const stranger = await user();
    const original = await owner.create({});
    await markReady(original.id);
    await stranger.fails('resource:createLinkResource', { resource: original.id }, 404, /resource not found/);
    const dir = await owner.directory('d');
    await owner.fails('resource:createLinkResource', { resource: dir.id }, 400, /directories cannot be linked/);
  });
});
