import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resources } from '../../shared/resources/collection.js';
import { tapEvents, type EventTap } from '../helpers/events.js';
import type { TestStack } from '../helpers/stack.js';
import { eventOn, idsOf, newUser, startResourcesStack, type Resource } from './support.js';

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

const user = () => newUser(stack);
const countOf = async (owner: { get(id: string): Promise<Resource> }, id: string) => (await owner.get(id)).data?.directory;

describe('resource:updateAttributes', () => {
  it('sets attributes, merges params into customParams, replaces actions, and publishes the update', async () => {
    const owner = await user();
    const made = await owner.create({
      resource: { title: 'Old', customParams: { keep: { v: 1 }, drop: { v: 2 }, change: { v: 3 } }, actions: [{ localId: 'a1', actionName: 'open' }] },
    });
    const updated = (
      await owner.ok<{ resource: Resource }>('resource:updateAttributes', {
        resource: made.id,
        attributes: { title: 'New', description: 'Described', location: 'Berlin', date: '2024-05-01', category: 'docs' },
        params: { drop: null, change: { v: 30 }, added: { v: 4 } },
        actions: [{ localId: 'a2', actionName: 'play', childActions: [{ localId: 'c1' }] }],
      })
    ).resource;
    expect(updated).toMatchObject({
      id: made.id,
      title: 'New',
      description: 'Described',
      location: 'Berlin',
      date: '2024-05-01',
      category: 'docs',
      customParams: { keep: { v: 1 }, change: { v: 30 }, added: { v: 4 } },
      actions: [{ localId: 'a2', actionName: 'play', childActions: [{ localId: 'c1' }] }],
    });
    expect(updated.customParams).not.toHaveProperty('drop');
    expect(updated.updated as number).toBeGreaterThanOrEqual(made.updated as number);
    expect(await owner.get(made.id)).toEqual(updated);

    const onResource = await eventOn(events, 'resource:updated', `resource:${made.id}`);
    expect(onResource).toEqual({ belonging: `userSortingTable:${owner.id}`, resource: updated });
    expect(await eventOn(events, 'sortingTable:resourceUpdated', `user:${owner.id}`, (d) => (d.resource as Resource).id === made.id)).toEqual({ resource: updated });

    const onlyParams = (await owner.ok<{ resource: Resource }>('resource:updateAttributes', { resource: made.id, params: { more: { x: true } } })).resource;
    expect(onlyParams).toMatchObject({ title: 'New', customParams: { keep: { v: 1 }, change: { v: 30 }, added: { v: 4 }, more: { x: true } } });
  });

  it('publishes the upload session variant, and refuses empty updates, strangers (404) and room members on others\' resources (403)', async () => {
    const owner = await user();
    const member = await user();
    const stranger = await user();
    const session = await owner.create({ belonging: `uploadSession:${owner.id}/up` });
    await owner.ok('resource:updateAttributes', { resource: session.id, attributes: { title: 'named' } });
    expect(((await eventOn(events, 'resource:updatedInUploadSession', `user:${owner.id}`)).resource as Resource).title).toBe('named');

    const roomId = await owner.room([member]);
    const onProp = await owner.create({ roomId, propId: 'p', resource: { title: 'prop item' } });
    await owner.fails('resource:updateAttributes', { resource: onProp.id }, 400, /nothing to update/);
    await owner.fails('resource:updateAttributes', { resource: onProp.id, attributes: {} }, 400, /attributes must NOT have fewer than 1 properties/);
    await owner.fails('resource:updateAttributes', { resource: onProp.id, attributes: { owner: 'me' } }, 400, /attributes.owner is not allowed/);
    await stranger.fails('resource:updateAttributes', { resource: onProp.id, attributes: { title: 'x' } }, 404, /resource not found/);
    await member.fails('resource:updateAttributes', { resource: onProp.id, attributes: { title: 'x' } }, 403, /only the owner/);
    const contributed = await member.create({ contributeToRoom: roomId });
    const byRoomOwner = await owner.ok<{ resource: Resource }>('resource:updateAttributes', { resource: contributed.id, attributes: { title: 'curated' } });
    expect(byRoomOwner.resource.title).toBe('curated');
    expect((await owner.get(onProp.id)).title).toBe('prop item');
  });
});

describe('resource:move', () => {
  it('moves between belongings the caller may write, keeping directory counts and publishing both sides', async () => {
    const owner = await user();
    const member = await user();
    const roomId = await owner.room([member]);
    const photos = await owner.directory('Photos');
    const archive = await owner.directory('Archive');
    const item = await owner.create({ resource: { title: 'pic', metadata: { contentType: 'image/jpeg' } } });

    await owner.ok('resource:move', { resourceId: item.id, belonging: `directory:${photos.id}` });
    expect(await countOf(owner, photos.id)).toEqual({ innerContentType: 'image', innerContentCount: 1 });
    expect(await eventOn(events, 'sortingTable:deleteResources', `user:${owner.id}`, (d) => (d.resources as string[]).includes(item.id))).toEqual({ resources: [item.id] });
    const added = await eventOn(events, 'sortingTable:addResourcesToDirectory', `user:${owner.id}`, (d) => d.directoryId === photos.id);
    expect((added.resources as Resource[]).map((r) => [r.id, r.belonging])).toEqual([[item.id, `directory:${photos.id}`]]);
    expect(await eventOn(events, 'resource:addedToBelonging', `belonging:directory:${photos.id}`)).toMatchObject({ belonging: `directory:${photos.id}` });

    await owner.ok('resource:move', { resourceId: item.id, belonging: `directory:${archive.id}` });
    expect(await countOf(owner, photos.id)).toEqual({ innerContentType: 'empty', innerContentCount: 0 });
    expect(await countOf(owner, archive.id)).toEqual({ innerContentType: 'image', innerContentCount: 1 });
    expect(await eventOn(events, 'sortingTable:deleteResourcesFromDirectory', `user:${owner.id}`, (d) => d.directoryId === photos.id)).toEqual({
      directoryId: photos.id,
      resourceIds: [item.id],
    });
    expect(await eventOn(events, 'resource:deletedFromBelonging', `belonging:directory:${photos.id}`)).toEqual({ belonging: `directory:${photos.id}`, resourceIds: [item.id] });

    await owner.ok('resource:move', { resourceId: item.id, belonging: `room:${roomId}/stage`, networkId: 'default' });
    expect((await owner.get(item.id)).belonging).toBe(`room:${roomId}/stage`);
    expect(idsOf(await member.all(`roomProps:${roomId}`))).toEqual([item.id]);
    expect(await countOf(owner, archive.id)).toEqual({ innerContentType: 'empty', innerContentCount: 0 });
    const moved = await eventOn(events, 'resource:updated', `resource:${item.id}`, (d) => d.belonging === `room:${roomId}/stage`);
    expect((moved.resource as Resource).belonging).toBe(`room:${roomId}/stage`);

    await owner.ok('resource:move', { resourceId: item.id, belonging: `roomSortingTable:${roomId}` });
    expect(await member.all(`roomProps:${roomId}`)).toEqual([]);
    expect(idsOf(await member.all(`roomSortingTable:${roomId}`))).toEqual([item.id]);
  });

  it('refuses a directory into itself or its own descendant, and targets the caller may not write, changing nothing', async () => {
    const owner = await user();
    const member = await user();
    const stranger = await user();
    const roomId = await owner.room([member]);
    const top = await owner.directory('top');
    const child = await owner.directory('child', `directory:${top.id}`);
    const grandchild = await owner.directory('grandchild', `directory:${child.id}`);
    const file = await owner.create({});
    const theirs = await stranger.directory('theirs');

    await owner.fails('resource:move', { resourceId: top.id, belonging: `directory:${top.id}` }, 400, /into itself/);
    await owner.fails('resource:move', { resourceId: top.id, belonging: `directory:${grandchild.id}` }, 400, /its own directories/);
    await owner.fails('resource:move', { resourceId: child.id, belonging: `directory:${grandchild.id}` }, 400, /its own directories/);
    await owner.fails('resource:move', { resourceId: file.id, belonging: `directory:${theirs.id}` }, 404, /directory not found/);
    await owner.fails('resource:move', { resourceId: file.id, belonging: `userSortingTable:${stranger.id}` }, 403, /another user/);
    await owner.fails('resource:move', { resourceId: file.id, belonging: `trashcan:${owner.id}` }, 400, /resource:delete/);
    await owner.fails('resource:move', { resourceId: file.id, belonging: `roomProps:${roomId}` }, 400, /virtual/);
    await owner.fails('resource:move', { resourceId: file.id, belonging: `galaxy:${roomId}` }, 400, /unknown/);
    await owner.fails('resource:move', { resourceId: file.id, belonging: 'directory:../x' }, 400, /malformed/);
    await owner.fails('resource:move', { resourceId: file.id, belonging: `userSortingTable:${owner.id}`, networkId: 'elsewhere' }, 403, /network elsewhere/);
    await stranger.fails('resource:move', { resourceId: file.id, belonging: `userSortingTable:${stranger.id}` }, 404, /resource not found/);
    const contributed = await member.create({ contributeToRoom: roomId });
    await member.fails('resource:move', { resourceId: contributed.id, belonging: `room:${roomId}` }, 403, /only owners of room/);

    expect((await owner.get(top.id)).belonging).toBe(`userSortingTable:${owner.id}`);
    expect((await owner.get(child.id)).belonging).toBe(`directory:${top.id}`);
    expect(await countOf(owner, top.id)).toEqual({ innerContentType: 'directory', innerContentCount: 1 });
    expect(await countOf(owner, grandchild.id)).toEqual({ innerContentType: 'empty', innerContentCount: 0 });
    expect((await owner.get(file.id)).belonging).toBe(`userSortingTable:${owner.id}`);

    await owner.ok('resource:move', { resourceId: grandchild.id, belonging: `directory:${top.id}` });
    expect(await countOf(owner, top.id)).toEqual({ innerContentType: 'directory', innerContentCount: 2 });
    expect(await countOf(owner, child.id)).toEqual({ innerContentType: 'empty', innerContentCount: 0 });
    await owner.ok('resource:move', { resourceId: child.id, belonging: `directory:${grandchild.id}` });
    const parents = await owner.ok<{ resources: Resource[] }>('resource:listParentDirectories', { resourceId: child.id });
    expect(parents.resources.map((r) => r.title)).toEqual(['top', 'grandchild']);
  });
});

describe('resource:delete', () => {
  it("moves a resource to its owner's trashcan, remembering where it was", async () => {
    const owner = await user();
    const dir = await owner.directory('d');
    const item = await owner.create({ parent: dir.id });
    await owner.ok('resource:delete', { resourceId: item.id });
    expect((await owner.get(item.id)).belonging).toBe(`trashcan:${owner.id}`);
    expect(await countOf(owner, dir.id)).toEqual({ innerContentType: 'empty', innerContentCount: 0 });
    expect((await resources().doc(item.id).get()).get('previousBelonging')).toBe(`directory:${dir.id}`);
    expect(await eventOn(events, 'sortingTable:deleteResourcesFromDirectory', `user:${owner.id}`, (d) => d.directoryId === dir.id)).toEqual({
      directoryId: dir.id,
      resourceIds: [item.id],
    });
    expect(await eventOn(events, 'resource:addedToBelonging', `belonging:trashcan:${owner.id}`)).toMatchObject({ belonging: `trashcan:${owner.id}` });
    await owner.fails('resource:delete', { resourceId: item.id }, 409, /already in the trashcan/);

    await owner.ok('resource:move', { resourceId: item.id, belonging: `userSortingTable:${owner.id}` });
    expect((await resources().doc(item.id).get()).get('previousBelonging')).toBeUndefined();
    const stranger = await user();
    await stranger.fails('resource:delete', { resourceId: item.id }, 404, /resource not found/);
    await stranger.fails('resource:delete', { resourceId: randomUUID() }, 404, /resource not found/);
  });

  it('publishes the upload session variant when a resource leaves a session', async () => {
    const owner = await user();
    const inSession = await owner.create({ belonging: `uploadSession:${owner.id}/abc` });
    await owner.ok('resource:delete', { resourceId: inSession.id });
    expect(await eventOn(events, 'resource:deletedFromUploadSession', `user:${owner.id}`)).toEqual({ resources: [inSession.id] });
  });
});
