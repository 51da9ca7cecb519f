import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

describe('user sorting table: delete and restore', () => {
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
    expect(await eventOn(events, 'sortingTable:deleteResources', `user:${owner.id}`, (d) => (d.resources as string[]).includes(loose.id))).toEqual({ resources: [loose.id] });
    expect(await eventOn(events, 'sortingTable:deleteResourcesFromDirectory', `user:${owner.id}`)).toEqual({ directoryId: dir.id, resourceIds: [nested.id] });

    const restored = await owner.ok<{ resources: string[] }>('sortingTable:restoreResources', { resources: [nested.id, loose.id] });
    expect(restored.resources.sort()).toEqual([loose.id, nested.id].sort());
    expect((await owner.get(loose.id)).belonging).toBe(table);
    const back = await owner.get(nested.id);
    expect({ ...back, updated: 0 }).toEqual({ ...before, updated: 0 });
    expect((await owner.get(dir.id)).data?.directory).toEqual({ innerContentType: 'application', innerContentCount: 1 });
    expect(await owner.all(`trashcan:${owner.id}`)).toEqual([]);
    const readded = await eventOn(events, 'sortingTable:addResources', `user:${owner.id}`, (d) => (d.resources as Resource[]).some((r) => r.id === loose.id && r.belonging === table));
    expect((readded.resources as Resource[]).map((r) => r.id)).toEqual([loose.id]);
    const intoDir = await eventOn(events, 'sortingTable:addResourcesToDirectory', `user:${owner.id}`, (d) => (d.resources as Resource[]).some((r) => r.id === nested.id));
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
    const gone = await eventOn(events, 'sortingTable:deleteResources', `user:${owner.id}`, (d) => (d.resources as string[]).includes(dir.id));
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
    await owner.fails('sortingTable:deleteResources', { resources: Array.from({ length: 101 }, () => randomUUID()) }, 400, /must NOT have more than 100 items/);
    await owner.fails('sortingTable:restoreResources', { resources: [randomUUID()] }, 404, /resource not found/);
  });
});

describe('room sorting table: delete and restore', () => {
  it('lets members delete and restore their own contributions and owners anyone\'s, into the owners\' trashcans', async () => {
    const owner = await user();
    const member = await user();
    const other = await user();
    const roomId = await owner.room([member, other]);
    const table = `roomSortingTable:${roomId}`;
    const mine = await member.create({ contributeToRoom: roomId });
    const theirs = await other.create({ contributeToRoom: roomId });

    await member.fails('room:deleteResourcesFromSortingTable', { room: roomId, resources: [theirs.id] }, 403, /only the owner/);
    const byMember = await member.ok<{ room: string; resources: string[] }>('room:deleteResourcesFromSortingTable', { room: roomId, resources: [mine.id] });
    expect(byMember).toEqual({ room: roomId, resources: [mine.id] });
    expect(idsOf(await member.all(`trashcan:${member.id}`))).toEqual([mine.id]);
    expect(await eventOn(events, 'resource:deletedFromBelonging', `belonging:${table}`, (d) => (d.resourceIds as string[]).includes(mine.id))).toEqual({
      belonging: table,
      resourceIds: [mine.id],
    });

    const byOwner = await owner.ok<{ room: string; resources: string[] }>('room:deleteResourcesFromSortingTable', { room: roomId, resources: [theirs.id] });
    expect(byOwner.resources).toEqual([theirs.id]);
    expect(idsOf(await other.all(`trashcan:${other.id}`))).toEqual([theirs.id]);
    expect(await owner.all(table)).toEqual([]);

    await member.fails('room:restoreResourcesToSortingTable', { room: roomId, resources: [theirs.id] }, 404, /resource not found/);
    await owner.ok('room:restoreResourcesToSortingTable', { room: roomId, resources: [theirs.id] });
    await member.ok('room:restoreResourcesToSortingTable', { room: roomId, resources: [mine.id] });
    expect(idsOf(await owner.all(table))).toEqual(idsOf([mine, theirs]));
    expect(await eventOn(events, 'resource:addedToBelonging', `belonging:${table}`, (d) => (d.resources as Resource[]).some((r) => r.id === theirs.id && r.belonging === table))).toBeTruthy();
    await owner.fails('room:restoreResourcesToSortingTable', { room: roomId, resources: [mine.id] }, 409, /not in the trashcan/);
  });

  it('empties the whole table for owners only; strangers see no room', async () => {
    const owner = await user();
    const member = await user();
    const stranger = await user();
    const roomId = await owner.room([member]);
    const table = `roomSortingTable:${roomId}`;
    const contributions = [await member.create({ contributeToRoom: roomId }), await owner.create({ contributeToRoom: roomId }), await member.directory('d', table)];

    await member.fails('room:deleteAllResourcesFromSortingTable', { roomId }, 403, /only owners of room/);
    await stranger.fails('room:deleteAllResourcesFromSortingTable', { roomId }, 404, /room not found/);
    await stranger.fails('room:deleteResourcesFromSortingTable', { room: roomId, resources: [contributions[0].id] }, 404, /room not found/);
    await owner.fails('room:deleteAllResourcesFromSortingTable', { roomId: randomUUID() }, 404, /room not found/);
    await owner.fails('room:deleteAllResourcesFromSortingTable', { roomId: 'bad/id' }, 400, /malformed/);
    expect(idsOf(await owner.all(table))).toEqual(idsOf(contributions));

    await owner.ok('room:deleteAllResourcesFromSortingTable', { roomId });
    expect(await owner.all(table)).toEqual([]);
    await owner.fails('room:restoreResourcesToSortingTable', { room: roomId, resources: [(await owner.create({})).id] }, 409, /not in the trashcan/);
    await owner.ok('room:restoreResourcesToSortingTable', { room: roomId, resources: contributions.map((c) => c.id) });
    expect(idsOf(await member.all(table))).toEqual(idsOf(contributions));
    const otherRoom = await owner.room([member]);
    await owner.ok('room:deleteResourcesFromSortingTable', { room: roomId, resources: [contributions[1].id] });
    await owner.fails('room:restoreResourcesToSortingTable', { room: otherRoom, resources: [contributions[1].id] }, 409, /was not deleted from roomSortingTable/);
  });
});
