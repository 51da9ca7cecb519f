import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/client.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';
import { propRoom } from './support.js';
import { responseProblems } from '../../shared/validation/validator.js';
import { contentResponse } from '../../functions/props/schemas/content.js';
import { propResponse } from '../../functions/props/schemas/prop.js';
import { propRef } from '../../functions/props/store/props.js';
import { resources } from '../../shared/resources/repository.js';

let stack: TestStack;
beforeAll(async () => (stack = await startTestStack()));
afterAll(async () => stack?.stop());

const room = () => propRoom(stack);

async function makeResources(api: ApiClient, titles: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const title of titles) ids.push((await api.post<{ id: string }>('/api/v0/resource/create', { resource: { title } })).body.id);
  return ids;
}

const titlesOf = (content: Array<{ title: string }>) => content.map((r) => r.title);

describe('props (seed 001)', () => {
  it('creates a prop on update, shows its model to members and hides it from others', async () => {
    const { api, memberApi, roomId, rpc } = await room();
    expect((await rpc(api, 'updateProp', { propId: 'booth-1', title: 'Booth', description: 'Front' })).body.error.status).toBe(false);
    const model = await rpc<{ prop: Record<string, unknown> }>(memberApi, 'getPropModel', { propId: 'booth-1' });
    expect(model.status).toBe(200);
    expect(responseProblems(propResponse, model.body.data)).toEqual([]);
    expect(model.body.data.prop).toMatchObject({ id: 'booth-1', roomId, roomTitle: 'Expo hall', title: 'Booth', description: 'Front' });

    const stranger = new ApiClient(stack.url, (await stack.user()).token);
    const hidden = await rpc(stranger, 'getPropModel', { propId: 'booth-1' });
    expect(hidden.status).toBe(404);
    expect(hidden.body.error).toEqual({ status: true, code: 404, message: 'room not found' });
    expect((await rpc(api, 'getPropModel', { propId: 'nope' })).status).toBe(404);
  });

  it('lets only owners manage props (prop.manage): 403 for members, 404 for strangers', async () => {
    const { memberApi, rpc, api } = await room();
    await rpc(api, 'updateProp', { propId: 'p', title: 'T' });
    const denied = await rpc(memberApi, 'updateProp', { propId: 'p', title: 'Mine now' });
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe(403);
    expect((await rpc(memberApi, 'changePropContent', { propId: 'p', moveToProp: [] })).status).toBe(403);
    const model = await rpc<{ prop: { title: string } }>(api, 'getPropModel', { propId: 'p' });
    expect(model.body.data.prop.title).toBe('T');
  });

  it('orders content with fractional positions: append at end or start, move one resource with one write, remove back to the room sorting table', async () => {
    const { api, roomId, rpc } = await room();
    await rpc(api, 'updateProp', { propId: 'wall', title: 'Wall' });
    const [a, b, c, d] = await makeResources(api, ['a', 'b', 'c', 'd']);
    expect((await rpc(api, 'changePropContent', { propId: 'wall', moveToProp: [a, b, c], appendToListEnd: true })).status).toBe(200);
    expect((await rpc(api, 'changePropContent', { propId: 'wall', moveToProp: [d], appendToListEnd: false })).status).toBe(200);
    const content = async () =>
      (await rpc<{ content: Array<{ title: string }>; counts: unknown }>(api, 'getPropContent', { propId: 'wall' })).body.data;
    const first = await content();
    expect(responseProblems(contentResponse, first)).toEqual([]);
    expect(titlesOf(first.content)).toEqual(['d', 'a', 'b', 'c']);

    const before = await Promise.all([a, b, d].map(async (id) => (await resources().doc(id).get()).updateTime?.toMillis()));
    expect((await rpc(api, 'changeResourcePosition', { propId: 'wall', resource: c, position: 0 })).status).toBe(200);
    expect(titlesOf((await content()).content)).toEqual(['c', 'd', 'a', 'b']);
    const after = await Promise.all([a, b, d].map(async (id) => (await resources().doc(id).get()).updateTime?.toMillis()));
    expect(after).toEqual(before);

    expect((await rpc(api, 'changeResourcePosition', { propId: 'wall', resource: c, position: 99 })).status).toBe(200);
    expect(titlesOf((await content()).content)).toEqual(['d', 'a', 'b', 'c']);

    expect((await rpc(api, 'changePropContent', { propId: 'wall', removeFromProp: [a] })).status).toBe(200);
    expect(titlesOf((await content()).content)).toEqual(['d', 'b', 'c']);
    const moved = await api.ops<{ resource: { belonging: string } }>('resource:get', { resource: a });
    expect(moved.body.data.resource.belonging).toBe(`roomSortingTable:${roomId}`);
    expect(moved.body.data.resource).not.toHaveProperty('position');
  });

  it('pages content, counts thumbnails and logos, and applies the prop content sorting', async () => {
    const { api, roomId, rpc } = await room();
    await rpc(api, 'updateProp', { propId: 'shelf' });
    const ids = await makeResources(api, ['delta', 'alpha', 'charlie', 'bravo']);
    await resources().doc(ids[0]).update({ thumbnail: 'https://example.invalid/t.jpg', category: 'logo' });
    await rpc(api, 'changePropContent', { propId: 'shelf', moveToProp: ids, appendToListEnd: true });
    const page = await rpc<{ content: Array<{ title: string }>; counts: { logoCount: number; thumbnailCount: number } }>(
      api,
      'getPropContent',
      { propId: 'shelf', offset: 1, size: 2 },
    );
    expect(titlesOf(page.body.data.content)).toEqual(['alpha', 'charlie']);
    expect(page.body.data.counts).toEqual({ logoCount: 1, thumbnailCount: 1 });

    await propRef(roomId, 'shelf').update({ contentSorting: { type: 'name', direction: 'desc' } });
    const sorted = await rpc<{ content: Array<{ title: string }> }>(api, 'getPropContent', { propId: 'shelf' });
    expect(titlesOf(sorted.body.data.content)).toEqual(['delta', 'charlie', 'bravo', 'alpha']);
    expect((await rpc(api, 'getPropContent', { propId: 'shelf', size: 101 })).status).toBe(400);
  });

  it('refuses resources the caller may not place and changes nothing', async () => {
    const { api, rpc } = await room();
    await rpc(api, 'updateProp', { propId: 'desk' });
    const [mine] = await makeResources(api, ['mine']);
    const stranger = new ApiClient(stack.url, (await stack.user()).token);
    const [theirs] = await makeResources(stranger, ['theirs']);
    const refused = await rpc(api, 'changePropContent', { propId: 'desk', moveToProp: [mine, theirs] });
    expect(refused.status).toBe(404);
    expect(refused.body.error.message).toBe(`resource ${theirs} not found`);
    const content = await rpc<{ content: unknown[] }>(api, 'getPropContent', { propId: 'desk' });
    expect(content.body.data.content).toEqual([]);
    const notThere = await rpc(api, 'changePropContent', { propId: 'desk', removeFromProp: [mine] });
    expect(notThere.status).toBe(404);
    const both = await rpc(api, 'changePropContent', { propId: 'desk', moveToProp: [mine], removeFromProp: [mine] });
    expect(both.status).toBe(400);
    expect((await rpc(api, 'changeResourcePosition', { propId: 'desk', resource: mine, position: 0 })).status).toBe(404);
    expect((await rpc(api, 'getPropModel', { propId: 'bad id!' })).status).toBe(400);
  });

  it('keeps the count of a directory a resource leaves for a prop, and gives concurrent placements distinct places', async () => {
    const { api, rpc } = await room();
    await rpc(api, 'updateProp', { propId: 'gallery' });
    const dir = await api.ops<{ resource: { id: string } }>('resource:createDirectory', { title: 'Photos' });
    const directoryId = dir.body.data.resource.id;
    const inDir: string[] = [];
    for (const title of ['one', 'two']) {
      inDir.push((await api.post<{ id: string }>('/api/v0/resource/create', { resource: { title }, parent: directoryId })).body.id);
    }
    const count = async () =>
      (await api.ops<{ resource: { data: { directory: { innerContentCount: number } } } }>('resource:get', { resource: directoryId })).body
        .data.resource.data.directory.innerContentCount;
    expect(await count()).toBe(2);

    expect((await rpc(api, 'changePropContent', { propId: 'gallery', moveToProp: [inDir[0]] })).status).toBe(200);
    expect(await count()).toBe(1);

    const loose = await makeResources(api, ['p', 'q', 'r', 's']);
    const placed = await Promise.all(loose.map((id) => rpc(api, 'changePropContent', { propId: 'gallery', moveToProp: [id] })));
    expect(placed.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const content = await rpc<{ content: Array<{ title: string }> }>(api, 'getPropContent', { propId: 'gallery' });
    expect(titlesOf(content.body.data.content).sort()).toEqual(['one', 'p', 'q', 'r', 's']);
    const positions = await Promise.all(
      [inDir[0], ...loose].map(async (id) => (await resources().doc(id).get()).get('position') as string),
    );
    expect(new Set(positions).size).toBe(5);

    const model = await rpc<{ prop: Record<string, unknown> }>(api, 'getPropModel', { propId: 'gallery' });
    expect(Object.keys(model.body.data.prop)).not.toContain('contentUpdated');
  });
});
