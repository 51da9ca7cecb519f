import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/client.js';
import { propRoom } from './support.js';
import { OK, startRelayTestStack, TestSocket, type Frame, type RelayTestStack } from '../relay/helpers.js';

/** Prop administration (an extension of seed 001): create, update every field, list, delete, and the room channel events. */
let stack: RelayTestStack;
beforeAll(async () => (stack = await startRelayTestStack()));
afterAll(async () => stack?.stop());

type Prop = Record<string, unknown> & { id: string };

const room = () => propRoom(stack, 'Atrium');

/** A member's socket on the room's channel (joined by showing the room's props). */
async function watcher(token: string, roomId: string): Promise<TestSocket> {
  const socket = await TestSocket.authenticated(stack.wsUrl, token);
  expect((await socket.call('resource:searchBelonging', { belonging: `roomProps:${roomId}` })).error).toEqual(OK);
  return socket;
}

const fullModel = {
  title: 'Main booth',
  description: 'By the entrance',
  mobileGeometry: { scale: 1.5, size: { x: 1, y: 2, z: 3 }, position: { x: 0, y: 0, z: -4 }, rotation: { x: 0, y: 90, z: 0 } },
  tags: ['expo', 'main'],
  propTypes: ['booth', 'fileCabinet'],
  actionType: 'openWeb',
  webLink: 'https://example.com/booth',
  webTitle: 'Booth site',
  isInteractive: true,
  showType: 2,
  contentPickerType: 1,
  contentSorting: { type: 'name', direction: 'desc' },
  contentAppend: 'start',
  isAllowTextchat: true,
  allowUserParams: false,
  customParams: { lights: { color: '#ffaa00', on: true } },
  actions: [{ localId: 'a1', eventName: 'click', actionName: 'teleport', actionData: { usedRoomId: 'r' }, childActions: [] }],
  dataBound: { isEnabled: true, dataBoundAction: 'vote' },
  assetId: 'asset-7',
  assetTitle: 'Booth L',
  assetSkins: { wood: 'oak', metal: 'brushed' },
  styleId: 'style-2',
  panelId: 'panel-1',
  placementAreaId: 'area-3',
};

const onChannel =
  (roomId: string, extra: (f: Frame) => boolean = () => true) =>
  (f: Frame) =>
    f.channel === `room:${roomId}` && extra(f);

describe('prop administration (extension of seed 001)', () => {
  it('creates a prop with every field of the model, answers it, announces it on the room channel and lists it', async () => {
    const { api, member, roomId, rpc, memberApi } = await room();
    const socket = await watcher(member.token, roomId);
    const created = await rpc<{ prop: Prop }>(api, 'createProp', { propId: 'booth-a', ...fullModel });
    expect(created.status).toBe(200);
    expect(created.body.data.prop).toMatchObject({ id: 'booth-a', roomId, roomTitle: 'Atrium', ...fullModel });
    const event = await socket.event('prop:created', onChannel(roomId));
    expect(event.data).toMatchObject({ roomId, prop: { id: 'booth-a', title: 'Main booth', assetSkins: fullModel.assetSkins } });

    const model = await rpc<{ prop: Prop }>(memberApi, 'getPropModel', { propId: 'booth-a' });
    expect(model.body.data.prop).toMatchObject(fullModel);

    const generated = await rpc<{ prop: Prop }>(api, 'createProp', { title: 'Second' });
    expect(generated.body.data.prop.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(generated.body.data.prop).toMatchObject({ contentAppend: 'end', contentSorting: { type: 'default', direction: 'asc' } });
    const list = await rpc<{ props: Prop[]; total: number }>(api, 'listProps');
    expect(list.body.data.total).toBe(2);
    expect(list.body.data.props.map((p) => p.id)).toEqual(['booth-a', generated.body.data.prop.id]);
    const page = await rpc<{ props: Prop[]; total: number }>(api, 'listProps', { offset: 1, size: 1 });
    expect(page.body.data).toEqual({ props: [expect.objectContaining({ id: generated.body.data.prop.id })], total: 2 });
    socket.close();
  });

  it('refuses a taken id (409), invalid fields (400 naming them), and non-owners (403 members, 404 strangers), writing nothing', async () => {
    const { api, memberApi, rpc } = await room();
    expect((await rpc(api, 'createProp', { propId: 'p1', title: 'One' })).status).toBe(200);
    const taken = await rpc(api, 'createProp', { propId: 'p1', title: 'Again' });
    expect(taken.status).toBe(409);
    expect(taken.body.error).toMatchObject({ status: true, code: 409 });

    const badType = await rpc(api, 'createProp', { propId: 'p2', propTypes: ['spaceship'] });
    expect(badType.status).toBe(400);
    expect(badType.body.error.message).toContain('propTypes');
    const badGeometry = await rpc(api, 'updateProp', { propId: 'p1', mobileGeometry: { size: { x: 'wide' } } });
    expect(badGeometry.status).toBe(400);
    expect(badGeometry.body.error.message).toContain('mobileGeometry');
    const unknownField = await rpc(api, 'updateProp', { propId: 'p1', colour: 'red' });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.error.message).toContain('colour');

    const calls: Array<[string, Record<string, unknown>]> = [
      ['createProp', { propId: 'p3', title: 'Mine' }],
      ['updateProp', { propId: 'p1', title: 'Mine' }],
      ['deleteProp', { propId: 'p1' }],
      ['listProps', {}],
    ];
    const stranger = new ApiClient(stack.url, (await stack.user()).token);
    for (const [method, body] of calls) {
      expect([method, (await rpc(memberApi, method, body)).status]).toEqual([method, 403]);
      expect([method, (await rpc(stranger, method, body)).status]).toEqual([method, 404]);
    }
    const list = await rpc<{ props: Prop[]; total: number }>(api, 'listProps');
    expect(list.body.data.props.map((p) => [p.id, p.title])).toEqual([['p1', 'One']]);
  });

  it('updates any field of the model, keeps the others, and announces the prop after the change', async () => {
    const { api, member, roomId, rpc } = await room();
    await rpc(api, 'createProp', { propId: 'stand', ...fullModel });
    const socket = await watcher(member.token, roomId);
    const change = { assetSkins: { wood: 'walnut' }, customParams: { lights: { on: false } }, showType: 0, propTypes: ['entireRoomChat'] };
    expect((await rpc(api, 'updateProp', { propId: 'stand', ...change })).body.error).toEqual(OK);
    const event = await socket.event('prop:updated', onChannel(roomId));
    expect(event.data).toMatchObject({ roomId, prop: { id: 'stand', ...change, title: 'Main booth' } });
    const model = await rpc<{ prop: Prop }>(api, 'getPropModel', { propId: 'stand' });
    expect(model.body.data.prop).toMatchObject({ ...fullModel, ...change });
    socket.close();
  });

  it('deletes a prop: its content returns to the room sorting table, members see prop:deleted and the content change', async () => {
    const { api, member, roomId, rpc } = await room();
    await rpc(api, 'createProp', { propId: 'shelf', title: 'Shelf' });
    const ids: string[] = [];
    for (const title of ['a', 'b']) ids.push((await api.post<{ id: string }>('/api/v0/resource/create', { resource: { title } })).body.id);
    expect((await rpc(api, 'changePropContent', { propId: 'shelf', moveToProp: ids })).status).toBe(200);
    const socket = await watcher(member.token, roomId);

    expect((await rpc(api, 'deleteProp', { propId: 'shelf' })).body.error).toEqual(OK);
    await socket.event(
      'prop:contentChanged',
      onChannel(roomId, (f) => f.data?.propId === 'shelf'),
    );
    const deleted = await socket.event('prop:deleted', onChannel(roomId));
    expect(deleted.data).toEqual({ roomId, propId: 'shelf' });
    expect((await rpc(api, 'getPropModel', { propId: 'shelf' })).status).toBe(404);
    expect((await rpc(api, 'deleteProp', { propId: 'shelf' })).status).toBe(404);
    for (const id of ids) {
      const got = await api.ops<{ resource: { belonging: string } }>('resource:get', { resource: id });
      expect(got.body.data.resource.belonging).toBe(`roomSortingTable:${roomId}`);
      expect(got.body.data.resource).not.toHaveProperty('position');
    }
    expect((await rpc(api, 'changePropContent', { propId: 'shelf', moveToProp: [ids[0]] })).status).toBe(404);
    socket.close();
  });

  it('announces content changes on the room channel, whichever operation makes them', async () => {
    const { api, member, roomId, rpc } = await room();
    await rpc(api, 'createProp', { propId: 'wall' });
    const socket = await watcher(member.token, roomId);
    const made = await api.post<{ id: string }>('/api/v0/resource/create', { resource: { title: 'poster' } });
    await rpc(api, 'changePropContent', { propId: 'wall', moveToProp: [made.body.id] });
    await socket.event(
      'prop:contentChanged',
      onChannel(roomId, (f) => f.data?.propId === 'wall'),
    );
    const count = () => socket.events('prop:contentChanged').length;
    const before = count();
    await rpc(api, 'changeResourcePosition', { propId: 'wall', resource: made.body.id, position: 0 });
    await socket.next((f) => f.endpoint === 'prop:contentChanged' && socket.events('prop:contentChanged').length > before);
    socket.close();
  });
});

describe('prop content order (seed 001)', () => {
  it('honours contentSorting (every type, both directions) and contentAppend for new content', async () => {
    const { api, rpc } = await room();
    await rpc(api, 'createProp', { propId: 'rack', contentAppend: 'start' });
    const ids: string[] = [];
    for (const [title, size] of [
      ['b', 30],
      ['c', 10],
      ['a', 20],
    ] as const) {
      const made = await api.post<{ id: string }>('/api/v0/resource/create', { resource: { title, metadata: { fileSize: size } } });
      ids.push(made.body.id);
      // no appendToListEnd: the prop's contentAppend (start) decides
      expect((await rpc(api, 'changePropContent', { propId: 'rack', moveToProp: [made.body.id] })).status).toBe(200);
    }
    const titles = async (sorting?: Record<string, string>) => {
      if (sorting) await rpc(api, 'updateProp', { propId: 'rack', contentSorting: sorting });
      const page = await rpc<{ content: Array<{ title: string }> }>(api, 'getPropContent', { propId: 'rack' });
      return page.body.data.content.map((r) => r.title);
    };
    expect(await titles()).toEqual(['a', 'c', 'b']);
    expect(await titles({ type: 'default', direction: 'desc' })).toEqual(['b', 'c', 'a']);
    expect(await titles({ type: 'name', direction: 'asc' })).toEqual(['a', 'b', 'c']);
    expect(await titles({ type: 'name', direction: 'desc' })).toEqual(['c', 'b', 'a']);
    expect(await titles({ type: 'date', direction: 'asc' })).toEqual(['b', 'c', 'a']);
    expect(await titles({ type: 'date', direction: 'desc' })).toEqual(['a', 'c', 'b']);
    expect(await titles({ type: 'size', direction: 'asc' })).toEqual(['c', 'a', 'b']);
    expect(await titles({ type: 'size', direction: 'desc' })).toEqual(['b', 'a', 'c']);

    await rpc(api, 'updateProp', { propId: 'rack', contentAppend: 'end', contentSorting: { type: 'default', direction: 'asc' } });
    const last = await api.post<{ id: string }>('/api/v0/resource/create', { resource: { title: 'z' } });
    await rpc(api, 'changePropContent', { propId: 'rack', moveToProp: [last.body.id] });
    expect(await titles()).toEqual(['a', 'c', 'b', 'z']);
  });
});
