import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resources } from '../../shared/resources/collection.js';
import { resourceSchema } from '../../shared/resources/schema.js';
import { responseProblems } from '../../shared/validation/validator.js';
import { tapEvents, type EventTap } from '../helpers/events.js';
import type { TestStack } from '../helpers/stack.js';
import { bulkCreate, eventOn, idsOf, newUser, startResourcesStack, User, type Resource } from './support.js';

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
  await resources()
    .doc(id)
    .update({ status: 'ready', storagePath, metadata: { contentType: 'image/png', fileName: 'a.png' } });
}

describe.concurrent('resource create: placement', () => {
  it('puts a resource in the caller sorting table by default and with addToSortingTable, over REST and WebSocket', async () => {
    const owner = await user();
    const rest = await owner.api.post<Resource>('/api/v0/resource/create', {
      resource: { title: 'Rest made', customParams: { a: { b: 1 } } },
    });
    expect(rest.status).toBe(200);
    expect(responseProblems(resourceSchema, rest.body)).toEqual([]);
    expect(rest.body).toMatchObject({
      belonging: `userSortingTable:${owner.id}`,
      status: 'pending',
      totalReactions: 0,
      title: 'Rest made',
      customParams: { a: { b: 1 } },
    });
    const ws = await owner.create({ resource: { title: 'Ws made' }, addToSortingTable: true });
    expect(ws.belonging).toBe(`userSortingTable:${owner.id}`);
    const added = await eventOn(
      events,
      'sortingTable:addResources',
      `user:${owner.id}`,
      (d) => (d.resources as Resource[])[0].id === ws.id,
    );
    expect(added).toEqual({ resources: [ws] });
    const inBelonging = await eventOn(
      events,
      'resource:addedToBelonging',
      `belonging:userSortingTable:${owner.id}`,
      (d) => (d.resources as Resource[])[0].id === ws.id,
    );
    expect(inBelonging).toEqual({ belonging: `userSortingTable:${owner.id}`, resources: [ws] });
  });

  it('ignores server-owned fields a client slips into the resource', async () => {
    const owner = await user();
    const made = await owner.create({
      resource: {
        title: 'Sneaky',
        status: 'ready',
        ownerId: 'x',
        storagePath: 'originals/other',
        linkId: 'y',
        totalReactions: 9,
        data: { directory: { innerContentCount: 5 } },
      },
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
    expect(await eventOn(events, 'sortingTable:addResourcesToDirectory', `user:${owner.id}`, (d) => d.directoryId === dir.id)).toEqual({
      directoryId: dir.id,
      resources: [inDir],
    });
    expect((await owner.get(dir.id)).data?.directory).toEqual({ innerContentType: 'other', innerContentCount: 1 });

    expect((await owner.create({ roomId })).belonging).toBe(`room:${roomId}`);
    await owner.fails('resource:create', { roomId, propId: 'prop-1' }, 404, /prop not found/);
    await owner.prop(roomId, 'prop-1');
    expect((await owner.create({ roomId, propId: 'prop-1' })).belonging).toBe(`room:${roomId}/prop-1`);
    const contributed = await member.create({ contributeToRoom: roomId });
    expect(contributed.belonging).toBe(`roomSortingTable:${roomId}`);
    expect(await eventOn(events, 'resource:addedToBelonging', `belonging:roomSortingTable:${roomId}`)).toEqual({
      belonging: `roomSortingTable:${roomId}`,
      resources: [contributed],
    });

    const session = await owner.create({ belonging: `uploadSession:${owner.id}/s-1` });
    expect(session.belonging).toBe(`uploadSession:${owner.id}/s-1`);
    expect(await eventOn(events, 'resource:addedToUploadSession', `user:${owner.id}`)).toEqual({ resources: [session] });
    expect((await owner.create({ belonging: `userAIGeneration:${owner.id}(default)` })).belonging).toBe(`userAIGeneration:${owner.id}`);
  });

  it('gives resources placed on a prop a place in its order (seed 001), at the end or at the start as the prop appends', async () => {
    const owner = await user();
    const roomId = await owner.room([]);
    await owner.prop(roomId, 'wall');
    await owner.prop(roomId, 'stack', 'start');
    const onWall = [];
    for (const title of ['w1', 'w2', 'w3']) onWall.push((await owner.create({ roomId, propId: 'wall', resource: { title } })).id);
    const two = await owner.ok<{ resource: Resource }>('resource:createDirectory', { title: 'w4', belonging: `room:${roomId}/wall` });
    expect(await owner.propContent(roomId, 'wall')).toEqual([...onWall, two.resource.id]);
    const onStack = [];
    for (const title of ['s1', 's2']) onStack.push((await owner.create({ roomId, propId: 'stack', resource: { title } })).id);
    expect(await owner.propContent(roomId, 'stack')).toEqual([...onStack].reverse());
    expect(await owner.get(onWall[0])).not.toHaveProperty('position');
  });

  it('keeps the network as given (networkId or the belonging suffix), else the caller network; resource:get looks in the caller and default networks', async () => {
    const owner = await user({ networkId: 'acme' });
    const explicit = await owner.create({ networkId: 'default' });
    expect((await resources().doc(explicit.id).get()).get('networkId')).toBe('default');
    const implicit = await owner.create({});
    expect((await resources().doc(implicit.id).get()).get('networkId')).toBe('acme');
    const suffixed = await owner.create({ belonging: `userSortingTable:${owner.id}(default)` });
    expect((await resources().doc(suffixed.id).get()).get('networkId')).toBe('default');
    const elsewhere = await owner.create({ networkId: 'other' });
    await owner.fails('resource:get', { resource: elsewhere.id }, 404, /resource not found/);
    expect(
      (await owner.ok<{ resource: Resource }>('resource:getResourceFromNetwork', { resourceId: elsewhere.id, networkId: 'other' })).resource
        .id,
    ).toBe(elsewhere.id);
    await owner.fails('resource:create', { networkId: 'not a network' }, 400, /networkId must match pattern/);
    await owner.fails('resource:create', { networkId: 'acme', belonging: `userSortingTable:${owner.id}(default)` }, 400, /contradicts/);
  });
});

describe.concurrent('resource create: refusals write nothing', () => {
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

describe.concurrent('resource:createDirectory', () => {
  it('creates a ready, empty directory wherever the caller may write', async () => {
    const owner = await user();
    const dir = await owner.directory('Music');
    expect(dir).toMatchObject({
      title: 'Music',
      status: 'ready',
      belonging: `userSortingTable:${owner.id}`,
      data: { directory: { innerContentType: 'empty', innerContentCount: 0 } },
    });
    const nested = await owner.directory('Jazz', `directory:${dir.id}`);
    expect(nested.belonging).toBe(`directory:${dir.id}`);
    expect((await owner.get(dir.id)).data?.directory).toEqual({ innerContentType: 'directory', innerContentCount: 1 });
    await owner.fails('resource:createDirectory', { title: 'x', belonging: 'bogus:1' }, 400, /unknown/);
  });
});

describe.concurrent('resource:createLinkResource', () => {
  it('shares the stored bytes of a ready resource without copying them; local for own resources, global for others', async () => {
    const owner = await user();
    const friend = await user();
    const roomId = await owner.room([friend]);
    const original = await owner.create({ resource: { title: 'Original', description: 'bytes' }, contributeToRoom: roomId });
    await markReady(original.id);

    const own = (await owner.ok<{ resource: Resource }>('resource:createLinkResource', { resource: original.id })).resource;
    expect(own).toMatchObject({
      linkId: original.id,
      linkType: 'local',
      title: 'Original',
      status: 'ready',
      belonging: `userSortingTable:${owner.id}`,
      totalReactions: 0,
    });
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

  it('refuses what the caller may not read (404), directories (400) and failed resources (409)', async () => {
    const owner = await user();
    const stranger = await user();
    const original = await owner.create({});
    await markReady(original.id);
    await stranger.fails('resource:createLinkResource', { resource: original.id }, 404, /resource not found/);
    const dir = await owner.directory('d');
    await owner.fails('resource:createLinkResource', { resource: dir.id }, 400, /directories cannot be linked/);
    const refused = await owner.create({});
    await resources().doc(refused.id).update({ status: 'failed', failure: 'the content is empty' });
    await owner.fails('resource:createLinkResource', { resource: refused.id }, 409, /failed: it holds no content to link/);
  });
});

describe.concurrent('resource:get and its deprecated aliases', () => {
  it("reads from the caller's network, falls back to the default network, and hides other networks", async () => {
    const acme = await user({ networkId: 'acme' });
    const inAcme = await acme.create({ resource: { title: 'acme' } });
    const inDefault = await acme.create({ resource: { title: 'default' }, networkId: 'default' });
    expect((await acme.get(inAcme.id)).title).toBe('acme');
    expect((await acme.get(inDefault.id)).title).toBe('default');

    const sameUserInBeta = new User(acme.id, await stack.token({ user: acme.id, networkId: 'beta' }), stack.url);
    expect((await sameUserInBeta.get(inDefault.id)).id).toBe(inDefault.id);
    await sameUserInBeta.fails('resource:get', { resource: inAcme.id }, 404, /resource not found/);
    const fromNetwork = await sameUserInBeta.ok<{ resource: Resource }>('resource:getResourceFromNetwork', {
      resourceId: inAcme.id,
      networkId: 'acme',
    });
    expect(fromNetwork.resource).toEqual(await acme.get(inAcme.id));

    const rpc = await sameUserInBeta.api.post<{ data: { resource: Resource } }>(
      '/api/v0/rpc/resource.info',
      { resourceId: inDefault.id },
      { 'x-session-id': sameUserInBeta.token },
    );
    expect(rpc.status).toBe(200);
    expect(rpc.body.data.resource.id).toBe(inDefault.id);
  });

  it('lets room members read room content and hides it from everyone else', async () => {
    const owner = await user();
    const member = await user();
    const stranger = await user();
    const roomId = await owner.room([member]);
    await owner.prop(roomId, 'p1');
    const onProp = await owner.create({ roomId, propId: 'p1' });
    const dir = await member.directory('Shared', `roomSortingTable:${roomId}`);
    const nested = await member.create({ parent: dir.id });
    for (const id of [onProp.id, dir.id, nested.id]) {
      expect((await member.get(id)).id).toBe(id);
      expect((await owner.get(id)).id).toBe(id);
      await stranger.fails('resource:get', { resource: id }, 404, /^resource not found$/);
    }
    await stranger.fails('resource:get', { resource: randomUUID() }, 404, /^resource not found$/);
    await owner.fails('resource:get', { resource: 'x' }, 400, /resource must match format "uuid"/);
  });
});

describe.concurrent('seed 004 shares', () => {
  it('let a READ share read and a WRITE share change a resource through the resource operations; deny wins; privacy stays out of the Resource model', async () => {
    const owner = await user();
    const reader = await user();
    const writer = await user();
    const denied = await user();
    const made = await owner.create({ resource: { title: 'shared plan' } });
    await reader.fails('resource:get', { resource: made.id }, 404);
    await owner.share(stack, made.id, { value: 'CUSTOM', perms: 'READ', allow: [reader.id, denied.id], deny: [denied.id] });
    expect((await reader.get(made.id)).title).toBe('shared plan');
    await denied.fails('resource:get', { resource: made.id }, 404);
    await reader.fails('resource:updateAttributes', { resource: made.id, attributes: { title: 'mine' } }, 403, /only the owner/);
    await owner.share(stack, made.id, { value: 'CUSTOM', perms: 'WRITE', allow: [writer.id], deny: [] });
    await reader.fails('resource:get', { resource: made.id }, 404);
    const changed = await writer.ok<{ resource: Resource }>('resource:updateAttributes', {
      resource: made.id,
      attributes: { title: 'edited' },
    });
    expect(changed.resource.title).toBe('edited');
    expect(changed.resource).not.toHaveProperty('privacy');
    expect(await owner.get(made.id)).not.toHaveProperty('privacy');
  });
});

describe.concurrent('resource:listParentDirectories', () => {
  it('lists the directories above a resource from the top one down', async () => {
    const owner = await user();
    const top = await owner.directory('top');
    const middle = await owner.directory('middle', `directory:${top.id}`);
    const bottom = await owner.directory('bottom', `directory:${middle.id}`);
    const file = await owner.create({ parent: bottom.id });
    const listed = await owner.ok<{ resources: Resource[] }>('resource:listParentDirectories', { resourceId: file.id });
    expect(listed.resources.map((r) => r.title)).toEqual(['top', 'middle', 'bottom']);
    expect((await owner.ok<{ resources: Resource[] }>('resource:listParentDirectories', { resourceId: top.id })).resources).toEqual([]);
    const stranger = await user();
    await stranger.fails('resource:listParentDirectories', { resourceId: file.id }, 404);

    const member = await user();
    const roomId = await owner.room([member]);
    const shared = await owner.directory('shared', `roomSortingTable:${roomId}`);
    const contribution = await member.create({ parent: shared.id });
    expect(
      (await member.ok<{ resources: Resource[] }>('resource:listParentDirectories', { resourceId: contribution.id })).resources.map(
        (r) => r.id,
      ),
    ).toEqual([shared.id]);
    await owner.ok('resource:move', { resourceId: shared.id, belonging: `directory:${bottom.id}` });
    expect((await member.get(contribution.id)).id).toBe(contribution.id);
    expect(
      (await member.ok<{ resources: Resource[] }>('resource:listParentDirectories', { resourceId: contribution.id })).resources,
    ).toEqual([]);
    expect(
      (await owner.ok<{ resources: Resource[] }>('resource:listParentDirectories', { resourceId: contribution.id })).resources.map(
        (r) => r.title,
      ),
    ).toEqual(['top', 'middle', 'bottom', 'shared']);
  });
});

describe.concurrent('resource:subscribe / resource:unsubscribe', () => {
  it('joins the resource channel once read access is checked, and leaves it', async () => {
    const owner = await user();
    const stranger = await user();
    const made = await owner.create({});
    const joined = await owner.call('resource:subscribe', { resource: made.id });
    expect(joined.status).toBe(200);
    expect(joined.body.channels).toEqual({ join: [`resource:${made.id}`], leave: [] });
    const refused = await stranger.call('resource:subscribe', { resource: made.id });
    expect(refused.status).toBe(404);
    expect(refused.body.channels).toEqual({ join: [], leave: [] });
    const left = await owner.call('resource:unsubscribe', { resource: made.id });
    expect(left.body.channels).toEqual({ join: [], leave: [`resource:${made.id}`] });
  });
});

describe.concurrent('resource:getPublicMusic', () => {
  it('answers ready audio placed in communities of the default network, newest first, to anyone', async () => {
    const owner = await user();
    const member = await user();
    const acme = await user({ networkId: 'acme' });
    const community = await owner.room([member, acme]);
    const audio = (title: string) => ({
      resource: { title, metadata: { contentType: 'audio/mpeg' } },
      belonging: `community:${community}`,
    });
    const first = await owner.create(audio('first song'));
    const second = await member.create(audio('second song'));
    const pending = await owner.create(audio('not processed'));
    const image = await owner.create({ resource: { metadata: { contentType: 'image/png' } }, belonging: `community:${community}` });
    const otherNetwork = await acme.create(audio('acme song'));
    const privateSong = await owner.create({ resource: { metadata: { contentType: 'audio/mpeg' } } });
    for (const r of [first, second, image, otherNetwork, privateSong]) await resources().doc(r.id).update({ status: 'ready' });
    await resources()
      .doc(second.id)
      .update({ created: (first.created as number) + 1000 });

    const stranger = await user();
    const music = (await stranger.ok<{ resources: Resource[] }>('resource:getPublicMusic', {})).resources;
    expect(music.map((r) => r.id)).toEqual([second.id, first.id]);
    expect(music.map((r) => r.id)).not.toContain(pending.id);
    expect((await stranger.get(first.id)).title).toBe('first song');
    await stranger.fails('resource:create', { belonging: `community:${community}` }, 403, /not a member of community/);
  });
});

describe.concurrent('resource reads hide nothing they should show', () => {
  it('gives back the same resource on every read binding', async () => {
    const owner = await user();
    const made = await owner.create({ resource: { title: 'same' } });
    const viaGet = await owner.get(made.id);
    const viaList = (await owner.search(`userSortingTable:${owner.id}`)).resources.find((r) => r.id === made.id);
    expect(viaList).toEqual(viaGet);
    expect(idsOf([viaGet])).toEqual([made.id]);
  });
});

describe.concurrent('resource:searchBelonging paging', () => {
  it('matches words of title and description by prefix, case-insensitively, and nothing else', async () => {
    const owner = await user();
    const table = `userSortingTable:${owner.id}`;
    const a = await owner.create({ resource: { title: 'Straße nach Köln', description: 'Ein Foto' } });
    const b = await owner.create({ resource: { title: 'Supercalifragilisticexpialidocious' } });
    const c = await owner.create({ resource: { title: 'untitled', description: 'KÖLNER dom' } });
    await owner.create({ resource: { title: 'other' } });
    expect(idsOf(await owner.all(table, 'köln'))).toEqual(idsOf([a, c]));
    expect(idsOf(await owner.all(table, 'STRA foto'))).toEqual(idsOf([a]));
    expect(idsOf(await owner.all(table, 'supercalifragilisticexpi'))).toEqual(idsOf([b]));
    expect(await owner.all(table, 'supercalifragilisticexxx')).toEqual([]);
    expect(await owner.all(table, 'raße')).toEqual([]);
    expect(idsOf(await owner.all(table, '  '))).toHaveLength(4);

    const renamed = await owner.ok<{ resource: Resource }>('resource:updateAttributes', {
      resource: b.id,
      attributes: { title: 'Mary Poppins' },
    });
    expect(renamed.resource.title).toBe('Mary Poppins');
    expect(await owner.all(table, 'supercal')).toEqual([]);
    expect(idsOf(await owner.all(table, 'popp'))).toEqual([b.id]);
  });

  it('refuses a page size over 100, a malformed cursor, and belongings the caller may not read', async () => {
    const owner = await user();
    const stranger = await user();
    const table = `userSortingTable:${owner.id}`;
    await owner.fails('resource:searchBelonging', { belonging: table, limit: 101 }, 400, /limit must be <= 100/);
    await owner.fails('resource:searchBelonging', { belonging: table, limit: 0 }, 400, /limit must be >= 1/);
    await owner.fails('resource:searchBelonging', { belonging: table, cursor: 'garbage' }, 400, /cursor is malformed/);
    await owner.fails('resource:searchBelonging', { belonging: 'planet:mars' }, 400, /unknown/);
    await stranger.fails('resource:searchBelonging', { belonging: table }, 403, /belongs to another user/);
    const dir = await owner.directory('private');
    await stranger.fails('resource:searchBelonging', { belonging: `directory:${dir.id}` }, 404, /directory not found/);
    await owner.fails('resource:listBelonging', { belonging: table, size: 101 }, 400, /size must be <= 100/);
  });
});

describe.concurrent('resource:searchBelonging belongings', () => {
  it('lists rooms: the room sorting table, room:{roomId} for all placed content, roomProps:{roomId} for props only', async () => {
    const owner = await user();
    const member = await user();
    const stranger = await user();
    const roomId = await owner.room([member]);
    const roomLevel = await owner.create({ roomId });
    await owner.prop(roomId, 'p1');
    await owner.prop(roomId, 'p2');
    const prop1 = await owner.create({ roomId, propId: 'p1' });
    const prop2 = await owner.create({ roomId, propId: 'p2' });
    const contributed = await member.create({ contributeToRoom: roomId });

    expect(idsOf(await member.all(`room:${roomId}`))).toEqual(idsOf([roomLevel, prop1, prop2]));
    expect(idsOf(await member.all(`roomProps:${roomId}`))).toEqual(idsOf([prop1, prop2]));
    expect(idsOf(await member.all(`room:${roomId}/p1`))).toEqual([prop1.id]);
    expect(idsOf(await owner.all(`roomSortingTable:${roomId}`))).toEqual([contributed.id]);
    for (const b of [`room:${roomId}`, `roomProps:${roomId}`, `roomSortingTable:${roomId}`, `room:${roomId}/p1`]) {
      await stranger.fails('resource:searchBelonging', { belonging: b }, 404, /room not found/);
    }
  });

  it('lists AI generations, upload sessions, communities and the trashcan', async () => {
    const owner = await user();
    const other = await user();
    const community = await owner.room([other]);
    const ai = await owner.create({ belonging: `userAIGeneration:${owner.id}` });
    const upload = await owner.create({ belonging: `uploadSession:${owner.id}/s1` });
    const shared = await other.create({ belonging: `community:${community}` });
    const trashed = await owner.create({});
    await owner.ok('resource:delete', { resourceId: trashed.id });
    expect(idsOf(await owner.all(`userAIGeneration:${owner.id}`))).toEqual([ai.id]);
    expect(idsOf(await owner.all(`uploadSession:${owner.id}/s1`))).toEqual([upload.id]);
    expect(idsOf(await owner.all(`community:${community}`))).toEqual([shared.id]);
    expect(idsOf(await owner.all(`trashcan:${owner.id}`))).toEqual([trashed.id]);
  });

  it('joins the socket to directory and community channels only; unsubscribeFromBelonging leaves them', async () => {
    const owner = await user();
    const other = await user();
    const dir = await owner.directory('d');
    const community = await owner.room([other]);
    const cases: Array<[string, string[]]> = [
      [`directory:${dir.id}`, [`belonging:directory:${dir.id}`]],
      [`community:${community}(default)`, [`belonging:community:${community}`]],
      [`userSortingTable:${owner.id}`, []],
      [`roomSortingTable:${community}`, []],
    ];
    for (const [belonging, join] of cases) {
      const res = await owner.call('resource:searchBelonging', { belonging });
      expect(res.body.channels, belonging).toEqual({ join, leave: [] });
    }
    const left = await owner.call('resource:unsubscribeFromBelonging', { belonging: `directory:${dir.id}` });
    expect(left.body.channels).toEqual({ join: [], leave: [`belonging:directory:${dir.id}`] });
    await owner.fails('resource:unsubscribeFromBelonging', { belonging: 'directory:nope' }, 400, /UUID/);
  });
});

describe.concurrent('deprecated resource:listBelonging and sortingTable:get', () => {
  it('pages by offset and size in the same order as searchBelonging', async () => {
    const owner = await user();
    const table = `userSortingTable:${owner.id}`;
    await bulkCreate(
      owner,
      table,
      Array.from({ length: 30 }, (_, i) => ({ title: `n${i}` })),
    );
    const all = await owner.all(table);
    const page = await owner.ok<{ resources: Resource[] }>('resource:listBelonging', { belonging: table, offset: 5, size: 10 });
    expect(page.resources.map((r) => r.id)).toEqual(all.slice(5, 15).map((r) => r.id));
    const defaults = await owner.ok<{ resources: Resource[] }>('resource:listBelonging', { belonging: table });
    expect(defaults.resources.map((r) => r.id)).toEqual(all.slice(0, 20).map((r) => r.id));
    const content = await owner.ok<{ content: Resource[] }>('sortingTable:get', { offset: 25, size: 10 });
    expect(content.content.map((r) => r.id)).toEqual(all.slice(25).map((r) => r.id));
    const subscribed = await owner.call('sortingTable:get', { subscribe: true, size: 1 });
    expect(subscribed.body.channels.join).toEqual([`belonging:${table}`]);
    await owner.fails('sortingTable:get', { size: 101 }, 400, /size must be <= 100/);
  });
});
