import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventList } from '../../shared/events/outbox.js';
import { emitResourceUpdated } from '../../shared/resources/change-events.js';
import type { ResourceDoc } from '../../shared/resources/model.js';
import { readResource, resources } from '../../shared/resources/collection.js';
import { refreshCountedKind } from '../../shared/resources/directory-counts.js';
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

describe.concurrent('resource:updateAttributes', () => {
  it('sets attributes, merges params into customParams, replaces actions, and publishes the update', async () => {
    const owner = await user();
    const made = await owner.create({
      resource: {
        title: 'Old',
        customParams: { keep: { v: 1 }, drop: { v: 2 }, change: { v: 3 } },
        actions: [{ localId: 'a1', actionName: 'open' }],
      },
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
    expect(
      await eventOn(events, 'sortingTable:resourceUpdated', `user:${owner.id}`, (d) => (d.resource as Resource).id === made.id),
    ).toEqual({ resource: updated });

    const onlyParams = (
      await owner.ok<{ resource: Resource }>('resource:updateAttributes', { resource: made.id, params: { more: { x: true } } })
    ).resource;
    expect(onlyParams).toMatchObject({
      title: 'New',
      customParams: { keep: { v: 1 }, change: { v: 30 }, added: { v: 4 }, more: { x: true } },
    });
  });

  it("publishes the upload session and community variants, and refuses empty updates, strangers (404) and room members on others' resources (403)", async () => {
    const owner = await user();
    const member = await user();
    const stranger = await user();
    const session = await owner.create({ belonging: `uploadSession:${owner.id}/up` });
    await owner.ok('resource:updateAttributes', { resource: session.id, attributes: { title: 'named' } });
    expect(((await eventOn(events, 'resource:updatedInUploadSession', `user:${owner.id}`)).resource as Resource).title).toBe('named');

    const roomId = await owner.room([member]);
    const shelved = await member.create({ belonging: `community:${roomId}` });
    await member.ok('resource:updateAttributes', { resource: shelved.id, attributes: { category: 'news' } });
    expect(((await eventOn(events, 'resource:updatedInChannel', `belonging:community:${roomId}`)).resource as Resource).category).toBe(
      'news',
    );
    await owner.prop(roomId, 'p');
    const onProp = await owner.create({ roomId, propId: 'p', resource: { title: 'prop item' } });
    await owner.fails('resource:updateAttributes', { resource: onProp.id }, 400, /nothing to update/);
    await owner.fails(
      'resource:updateAttributes',
      { resource: onProp.id, attributes: {} },
      400,
      /attributes must NOT have fewer than 1 properties/,
    );
    await owner.fails(
      'resource:updateAttributes',
      { resource: onProp.id, attributes: { owner: 'me' } },
      400,
      /attributes.owner is not allowed/,
    );
    await stranger.fails('resource:updateAttributes', { resource: onProp.id, attributes: { title: 'x' } }, 404, /resource not found/);
    await member.fails('resource:updateAttributes', { resource: onProp.id, attributes: { title: 'x' } }, 403, /only the owner/);
    const contributed = await member.create({ contributeToRoom: roomId });
    const byRoomOwner = await owner.ok<{ resource: Resource }>('resource:updateAttributes', {
      resource: contributed.id,
      attributes: { title: 'curated' },
    });
    expect(byRoomOwner.resource.title).toBe('curated');
    expect((await owner.get(onProp.id)).title).toBe('prop item');
  });
});

/** The events emitResourceUpdated gives for a stored resource. */
async function resourceUpdatedEvents(doc: ResourceDoc) {
  const events = eventList();
  await emitResourceUpdated(events, doc);
  return events.pending;
}

describe.concurrent('emitResourceUpdated (for other families changing resources)', () => {
  it('gives the same variants as the operations, through directories up to the sorting table or a community', async () => {
    const owner = await user();
    const other = await user();
    const community = await owner.room([other]);
    const dir = await owner.directory('d');
    const nested = await owner.create({ parent: dir.id });
    const shelved = await owner.create({ belonging: `community:${community}` });
    const nestedEvents = await resourceUpdatedEvents((await readResource(nested.id))!);
    expect(nestedEvents.map((e) => [e.endpoint, e.channel])).toEqual([
      ['resource:updated', `resource:${nested.id}`],
      ['sortingTable:resourceUpdated', `user:${owner.id}`],
    ]);
    expect(nestedEvents[0].data).toEqual({ belonging: `directory:${dir.id}`, resource: await owner.get(nested.id) });
    const shelvedEvents = await resourceUpdatedEvents((await readResource(shelved.id))!);
    expect(shelvedEvents.map((e) => [e.endpoint, e.channel])).toEqual([
      ['resource:updated', `resource:${shelved.id}`],
      ['resource:updatedInChannel', `belonging:community:${community}`],
    ]);
  });
});

describe.concurrent('refreshCountedKind (for processing settling a content type)', () => {
  it('moves the count of a resource in its directory to its current kind', async () => {
    const owner = await user();
    const dir = await owner.directory('uploads');
    const upload = await owner.create({ parent: dir.id });
    await owner.create({ parent: dir.id, resource: { metadata: { contentType: 'image/jpeg' } } });
    expect((await owner.get(dir.id)).data?.directory).toEqual({ innerContentType: 'mixed', innerContentCount: 2 });
    await resources().doc(upload.id).update({ 'metadata.contentType': 'image/png', status: 'ready' });
    expect(await refreshCountedKind(upload.id)).toBe(true);
    expect(await refreshCountedKind(upload.id)).toBe(false);
    expect((await owner.get(dir.id)).data?.directory).toEqual({ innerContentType: 'image', innerContentCount: 2 });
    await owner.ok('resource:delete', { resourceId: upload.id });
    expect((await owner.get(dir.id)).data?.directory).toEqual({ innerContentType: 'image', innerContentCount: 1 });
  });
});

describe.concurrent('resource:move', () => {
  it('moves between belongings the caller may write, keeping directory counts and publishing both sides', async () => {
    const owner = await user();
    const member = await user();
    const roomId = await owner.room([member]);
    const photos = await owner.directory('Photos');
    const archive = await owner.directory('Archive');
    const item = await owner.create({ resource: { title: 'pic', metadata: { contentType: 'image/jpeg' } } });

    await owner.ok('resource:move', { resourceId: item.id, belonging: `directory:${photos.id}` });
    expect(await countOf(owner, photos.id)).toEqual({ innerContentType: 'image', innerContentCount: 1 });
    expect(
      await eventOn(events, 'sortingTable:deleteResources', `user:${owner.id}`, (d) => (d.resources as string[]).includes(item.id)),
    ).toEqual({ resources: [item.id] });
    const added = await eventOn(events, 'sortingTable:addResourcesToDirectory', `user:${owner.id}`, (d) => d.directoryId === photos.id);
    expect((added.resources as Resource[]).map((r) => [r.id, r.belonging])).toEqual([[item.id, `directory:${photos.id}`]]);
    expect(await eventOn(events, 'resource:addedToBelonging', `belonging:directory:${photos.id}`)).toMatchObject({
      belonging: `directory:${photos.id}`,
    });

    await owner.ok('resource:move', { resourceId: item.id, belonging: `directory:${archive.id}` });
    expect(await countOf(owner, photos.id)).toEqual({ innerContentType: 'empty', innerContentCount: 0 });
    expect(await countOf(owner, archive.id)).toEqual({ innerContentType: 'image', innerContentCount: 1 });
    expect(
      await eventOn(events, 'sortingTable:deleteResourcesFromDirectory', `user:${owner.id}`, (d) => d.directoryId === photos.id),
    ).toEqual({
      directoryId: photos.id,
      resourceIds: [item.id],
    });
    expect(await eventOn(events, 'resource:deletedFromBelonging', `belonging:directory:${photos.id}`)).toEqual({
      belonging: `directory:${photos.id}`,
      resourceIds: [item.id],
    });

    await owner.fails('resource:move', { resourceId: item.id, belonging: `room:${roomId}/stage` }, 404, /prop not found/);
    await owner.prop(roomId, 'stage');
    const already = await owner.create({ roomId, propId: 'stage' });
    await owner.ok('resource:move', { resourceId: item.id, belonging: `room:${roomId}/stage`, networkId: 'default' });
    expect(await owner.propContent(roomId, 'stage')).toEqual([already.id, item.id]);
    expect((await owner.get(item.id)).belonging).toBe(`room:${roomId}/stage`);
    expect(idsOf(await member.all(`roomProps:${roomId}`))).toEqual(idsOf([item, already]));
    expect(await countOf(owner, archive.id)).toEqual({ innerContentType: 'empty', innerContentCount: 0 });
    const moved = await eventOn(events, 'resource:updated', `resource:${item.id}`, (d) => d.belonging === `room:${roomId}/stage`);
    expect((moved.resource as Resource).belonging).toBe(`room:${roomId}/stage`);

    await owner.ok('resource:move', { resourceId: item.id, belonging: `roomSortingTable:${roomId}` });
    expect(idsOf(await member.all(`roomProps:${roomId}`))).toEqual([already.id]);
    expect(await owner.propContent(roomId, 'stage')).toEqual([already.id]);
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
    await owner.fails(
      'resource:move',
      { resourceId: file.id, belonging: `userSortingTable:${owner.id}(default)`, networkId: 'elsewhere' },
      400,
      /contradicts/,
    );
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

describe.concurrent('resource:delete', () => {
  it("moves a resource to its owner's trashcan, remembering where it was", async () => {
    const owner = await user();
    const dir = await owner.directory('d');
    const item = await owner.create({ parent: dir.id });
    await owner.ok('resource:delete', { resourceId: item.id });
    expect((await owner.get(item.id)).belonging).toBe(`trashcan:${owner.id}`);
    expect(await countOf(owner, dir.id)).toEqual({ innerContentType: 'empty', innerContentCount: 0 });
    expect((await resources().doc(item.id).get()).get('previousBelonging')).toBe(`directory:${dir.id}`);
    expect(await eventOn(events, 'sortingTable:deleteResourcesFromDirectory', `user:${owner.id}`, (d) => d.directoryId === dir.id)).toEqual(
      {
        directoryId: dir.id,
        resourceIds: [item.id],
      },
    );
    expect(await eventOn(events, 'resource:addedToBelonging', `belonging:trashcan:${owner.id}`)).toMatchObject({
      belonging: `trashcan:${owner.id}`,
    });
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

describe.concurrent('user sorting table: delete and restore', () => {
  it('round-trips resources and directory content back exactly where they were, with exact counts and events', async () => {
    const owner = await user();
    const table = `userSortingTable:${owner.id}`;
    const dir = await owner.directory('Docs');
    const loose = await owner.create({ resource: { title: 'loose' } });
    const nested = await owner.create({ resource: { title: 'nested', metadata: { contentType: 'application/pdf' } }, parent: dir.id });
    const before = await owner.get(nested.id);

    const deleted = await owner.ok<{ resources: string[] }>('sortingTable:deleteResources', { resources: [loose.id, nested.id, loose.id] });
    expect(deleted.resources.sort()).toEqual([loose.id, nested.id].sort());
    expect(idsOf(await owner.all(table))).toEqual([dir.id]);
    expect((await owner.get(dir.id)).data?.directory).toEqual({ innerContentType: 'empty', innerContentCount: 0 });
    expect(idsOf(await owner.all(`trashcan:${owner.id}`))).toEqual(idsOf([loose, nested]));
    expect(
      await eventOn(events, 'sortingTable:deleteResources', `user:${owner.id}`, (d) => (d.resources as string[]).includes(loose.id)),
    ).toEqual({ resources: [loose.id] });
    expect(await eventOn(events, 'sortingTable:deleteResourcesFromDirectory', `user:${owner.id}`)).toEqual({
      directoryId: dir.id,
      resourceIds: [nested.id],
    });

    const restored = await owner.ok<{ resources: string[] }>('sortingTable:restoreResources', { resources: [nested.id, loose.id] });
    expect(restored.resources.sort()).toEqual([loose.id, nested.id].sort());
    expect((await owner.get(loose.id)).belonging).toBe(table);
    const back = await owner.get(nested.id);
    expect({ ...back, updated: 0 }).toEqual({ ...before, updated: 0 });
    expect((await owner.get(dir.id)).data?.directory).toEqual({ innerContentType: 'application', innerContentCount: 1 });
    expect(await owner.all(`trashcan:${owner.id}`)).toEqual([]);
    const readded = await eventOn(events, 'sortingTable:addResources', `user:${owner.id}`, (d) =>
      (d.resources as Resource[]).some((r) => r.id === loose.id && r.belonging === table),
    );
    expect((readded.resources as Resource[]).map((r) => r.id)).toEqual([loose.id]);
    const intoDir = await eventOn(events, 'sortingTable:addResourcesToDirectory', `user:${owner.id}`, (d) =>
      (d.resources as Resource[]).some((r) => r.id === nested.id),
    );
    expect(intoDir.directoryId).toBe(dir.id);
  });

  it('deletes everything at once; a deleted directory takes its content along and brings it back', async () => {
    const owner = await user();
    const table = `userSortingTable:${owner.id}`;
    const dir = await owner.directory('Box');
    const inside = await owner.create({ parent: dir.id });
    const items = await Promise.all(Array.from({ length: 5 }, (_, i) => owner.create({ resource: { title: `t${i}` } })));
    await owner.ok('sortingTable:deleteAllResources', {});
    expect(await owner.all(table)).toEqual([]);
    expect(idsOf(await owner.all(`trashcan:${owner.id}`))).toEqual(idsOf([dir, ...items]));
    expect((await owner.get(inside.id)).belonging).toBe(`directory:${dir.id}`);
    const gone = await eventOn(events, 'sortingTable:deleteResources', `user:${owner.id}`, (d) =>
      (d.resources as string[]).includes(dir.id),
    );
    expect((gone.resources as string[]).sort()).toEqual(idsOf([dir, ...items]));

    await owner.ok('sortingTable:restoreResources', { resources: [dir.id, ...items.map((i) => i.id)] });
    expect(idsOf(await owner.all(table))).toEqual(idsOf([dir, ...items]));
    expect(idsOf(await owner.all(`directory:${dir.id}`))).toEqual([inside.id]);
    expect((await owner.get(dir.id)).data?.directory?.innerContentCount).toBe(1);
  });

  it('refuses restoring what is not in the trash, what left another table, and resources of others, changing nothing', async () => {
    const owner = await user();
    const member = await user();
    const stranger = await user();
    const roomId = await owner.room([member]);
    const here = await owner.create({});
    await owner.fails('sortingTable:restoreResources', { resources: [here.id] }, 409, /is not in the trashcan/);
    const fromRoom = await owner.create({ contributeToRoom: roomId });
    await owner.ok('resource:delete', { resourceId: fromRoom.id });
    await owner.fails('sortingTable:restoreResources', { resources: [fromRoom.id] }, 409, /was not deleted from userSortingTable/);
    await owner.fails('sortingTable:deleteResources', { resources: [fromRoom.id] }, 409, /already in the trashcan/);
    const elsewhere = await owner.create({ belonging: `userAIGeneration:${owner.id}` });
    await owner.fails('sortingTable:deleteResources', { resources: [here.id, elsewhere.id] }, 409, /is not in userSortingTable/);
    expect((await owner.get(here.id)).belonging).toBe(`userSortingTable:${owner.id}`);
    await stranger.fails('sortingTable:deleteResources', { resources: [here.id] }, 404, /resource not found/);
    await stranger.fails('sortingTable:restoreResources', { resources: [fromRoom.id] }, 404, /resource not found/);
    await owner.fails('sortingTable:deleteResources', { resources: [] }, 400, /resources must NOT have fewer than 1 items/);
    await owner.fails('sortingTable:deleteResources', { resources: ['x'] }, 400, /resources\.0 must match format "uuid"/);
    await owner.fails(
      'sortingTable:deleteResources',
      { resources: Array.from({ length: 101 }, () => randomUUID()) },
      400,
      /must NOT have more than 100 items/,
    );
    await owner.fails('sortingTable:restoreResources', { resources: [randomUUID()] }, 404, /resource not found/);
  });
});

describe.concurrent('room sorting table: delete and restore', () => {
  it("lets members delete and restore their own contributions and owners anyone's, into the owners' trashcans", async () => {
    const owner = await user();
    const member = await user();
    const other = await user();
    const roomId = await owner.room([member, other]);
    const table = `roomSortingTable:${roomId}`;
    const mine = await member.create({ contributeToRoom: roomId });
    const theirs = await other.create({ contributeToRoom: roomId });

    await member.fails('room:deleteResourcesFromSortingTable', { room: roomId, resources: [theirs.id] }, 403, /only the owner/);
    const byMember = await member.ok<{ room: string; resources: string[] }>('room:deleteResourcesFromSortingTable', {
      room: roomId,
      resources: [mine.id],
    });
    expect(byMember).toEqual({ room: roomId, resources: [mine.id] });
    expect(idsOf(await member.all(`trashcan:${member.id}`))).toEqual([mine.id]);
    expect(
      await eventOn(events, 'resource:deletedFromBelonging', `belonging:${table}`, (d) => (d.resourceIds as string[]).includes(mine.id)),
    ).toEqual({
      belonging: table,
      resourceIds: [mine.id],
    });

    const byOwner = await owner.ok<{ room: string; resources: string[] }>('room:deleteResourcesFromSortingTable', {
      room: roomId,
      resources: [theirs.id],
    });
    expect(byOwner.resources).toEqual([theirs.id]);
    expect(idsOf(await other.all(`trashcan:${other.id}`))).toEqual([theirs.id]);
    expect(await owner.all(table)).toEqual([]);

    await member.fails('room:restoreResourcesToSortingTable', { room: roomId, resources: [theirs.id] }, 404, /resource not found/);
    await owner.ok('room:restoreResourcesToSortingTable', { room: roomId, resources: [theirs.id] });
    await member.ok('room:restoreResourcesToSortingTable', { room: roomId, resources: [mine.id] });
    expect(idsOf(await owner.all(table))).toEqual(idsOf([mine, theirs]));
    expect(
      await eventOn(events, 'resource:addedToBelonging', `belonging:${table}`, (d) =>
        (d.resources as Resource[]).some((r) => r.id === theirs.id && r.belonging === table),
      ),
    ).toBeTruthy();
    await owner.fails('room:restoreResourcesToSortingTable', { room: roomId, resources: [mine.id] }, 409, /not in the trashcan/);
  });

  it('empties the whole table for owners only; strangers see no room', async () => {
    const owner = await user();
    const member = await user();
    const stranger = await user();
    const roomId = await owner.room([member]);
    const table = `roomSortingTable:${roomId}`;
    const contributions = [
      await member.create({ contributeToRoom: roomId }),
      await owner.create({ contributeToRoom: roomId }),
      await member.directory('d', table),
    ];

    await member.fails('room:deleteAllResourcesFromSortingTable', { roomId }, 403, /only owners of room/);
    await stranger.fails('room:deleteAllResourcesFromSortingTable', { roomId }, 404, /room not found/);
    await stranger.fails('room:deleteResourcesFromSortingTable', { room: roomId, resources: [contributions[0].id] }, 404, /room not found/);
    await owner.fails('room:deleteAllResourcesFromSortingTable', { roomId: randomUUID() }, 404, /room not found/);
    await owner.fails('room:deleteAllResourcesFromSortingTable', { roomId: 'bad/id' }, 400, /malformed/);
    expect(idsOf(await owner.all(table))).toEqual(idsOf(contributions));

    await owner.ok('room:deleteAllResourcesFromSortingTable', { roomId });
    expect(await owner.all(table)).toEqual([]);
    await owner.fails(
      'room:restoreResourcesToSortingTable',
      { room: roomId, resources: [(await owner.create({})).id] },
      409,
      /not in the trashcan/,
    );
    await owner.ok('room:restoreResourcesToSortingTable', { room: roomId, resources: contributions.map((c) => c.id) });
    expect(idsOf(await member.all(table))).toEqual(idsOf(contributions));
    const otherRoom = await owner.room([member]);
    await owner.ok('room:deleteResourcesFromSortingTable', { room: roomId, resources: [contributions[1].id] });
    await owner.fails(
      'room:restoreResourcesToSortingTable',
      { room: otherRoom, resources: [contributions[1].id] },
      409,
      /was not deleted from roomSortingTable/,
    );
  });
});
