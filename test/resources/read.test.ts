import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resources } from '../../shared/resources/collection.js';
import type { TestStack } from '../helpers/stack.js';
import { idsOf, newUser, startResourcesStack, User, type Resource } from './support.js';

let stack: TestStack;

beforeAll(async () => {
  stack = await startResourcesStack();
});
afterAll(async () => {
  await stack?.stop();
});

const user = (claims?: { networkId?: string }) => newUser(stack, claims);

describe('resource:get and its deprecated aliases', () => {
  it("reads from the caller's network, falls back to the default network, and hides other networks", async () => {
    const acme = await user({ networkId: 'acme' });
    const inAcme = await acme.create({ resource: { title: 'acme' } });
    const inDefault = await acme.create({ resource: { title: 'default' }, networkId: 'default' });
    expect((await acme.get(inAcme.id)).title).toBe('acme');
    expect((await acme.get(inDefault.id)).title).toBe('default');

    const sameUserInBeta = new User(acme.id, await stack.token({ user: acme.id, networkId: 'beta' }), stack.url);
    expect((await sameUserInBeta.get(inDefault.id)).id).toBe(inDefault.id);
    await sameUserInBeta.fails('resource:get', { resource: inAcme.id }, 404, /resource not found/);
    const fromNetwork = await sameUserInBeta.ok<{ resource: Resource }>('resource:getResourceFromNetwork', { resourceId: inAcme.id, networkId: 'acme' });
    expect(fromNetwork.resource).toEqual(await acme.get(inAcme.id));

    const rpc = await sameUserInBeta.api.post<{ data: { resource: Resource } }>('/api/v0/rpc/resource.info', { resourceId: inDefault.id }, { 'x-session-id': sameUserInBeta.token });
    expect(rpc.status).toBe(200);
    expect(rpc.body.data.resource.id).toBe(inDefault.id);
  });

  it('lets room members read room content and hides it from everyone else', async () => {
    const owner = await user();
    const member = await user();
    const stranger = await user();
    const roomId = await owner.room([member]);
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

describe('resource:listParentDirectories', () => {
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
  });
});

describe('resource:subscribe / resource:unsubscribe', () => {
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

describe('resource:getPublicMusic', () => {
  it('answers ready audio placed in communities of the default network, newest first, to anyone', async () => {
    const owner = await user();
    const member = await user();
    const acme = await user({ networkId: 'acme' });
    const community = await owner.room([member, acme]);
    const audio = (title: string) => ({ resource: { title, metadata: { contentType: 'audio/mpeg' } }, belonging: `community:${community}` });
    const first = await owner.create(audio('first song'));
    const second = await member.create(audio('second song'));
    const pending = await owner.create(audio('not processed'));
    const image = await owner.create({ resource: { metadata: { contentType: 'image/png' } }, belonging: `community:${community}` });
    const otherNetwork = await acme.create(audio('acme song'));
    const privateSong = await owner.create({ resource: { metadata: { contentType: 'audio/mpeg' } } });
    for (const r of [first, second, image, otherNetwork, privateSong]) await resources().doc(r.id).update({ status: 'ready' });
    await resources().doc(second.id).update({ created: first.created + 1000 });

    const stranger = await user();
    const music = (await stranger.ok<{ resources: Resource[] }>('resource:getPublicMusic', {})).resources;
    expect(music.map((r) => r.id)).toEqual([second.id, first.id]);
    expect(music.map((r) => r.id)).not.toContain(pending.id);
    expect((await stranger.get(first.id)).title).toBe('first song');
    await stranger.fails('resource:create', { belonging: `community:${community}` }, 403, /not a member of community/);
  });
});

describe('resource reads hide nothing they should show', () => {
  it('gives back the same resource on every read binding', async () => {
    const owner = await user();
    const made = await owner.create({ resource: { title: 'same' } });
    const viaGet = await owner.get(made.id);
    const viaList = (await owner.search(`userSortingTable:${owner.id}`)).resources.find((r) => r.id === made.id);
    expect(viaList).toEqual(viaGet);
    expect(idsOf([viaGet])).toEqual([made.id]);
  });
});
