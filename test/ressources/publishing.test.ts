import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedSchema, ressourcePageSchema } from '../../functions/ressources/schemas/ressource.js';
import { responseProblems } from '../../shared/validation/validator.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';
import { allPages, group, ids, person, publish, workspace, workspaceToken, type ErrorBody, type Page, type View } from './support.js';

let stack: TestStack;
beforeAll(async () => (stack = await startTestStack()));
afterAll(async () => stack?.stop());

describe('publishing to /user/ressources (seed 004)', () => {
  it('publishes a ressource to the caller: 201 with owner, SELF privacy and an upload session, then readable and listed', async () => {
    const me = await person(stack);
    const res = await me.api.post<View & { upload: { url: string; method: string } }>('/user/ressources', { title: 'Floor plan' });
    expect(res.status).toBe(201);
    expect(responseProblems(publishedSchema, res.body)).toEqual([]);
    expect(res.body).toMatchObject({ title: 'Floor plan', owner: me.id, privacy: { value: 'SELF', perms: 'READ', allow: [], deny: [] } });
    expect(res.body.workspace).toBeUndefined();
    expect(res.body.upload.method).toBe('PUT');

    expect((await me.api.get<View>(`/ressource/${res.body.id}`)).body).toMatchObject({ id: res.body.id, owner: me.id });
    const listed = await me.api.get<Page<'ressources', View>>('/user/ressources');
    expect(listed.status).toBe(200);
    expect(responseProblems(ressourcePageSchema, listed.body)).toEqual([]);
    expect(ids(listed)).toEqual([res.body.id]);
    // it is a resource of seed 000 as well: its bytes go where any resource's go
    const bytes = await me.api.put(`/api/v0/resource/${res.body.id}/content`, Buffer.from('plan v1'), { 'content-type': 'text/plain' });
    expect(bytes.status, JSON.stringify(bytes.body)).toBe(200);
  });

  it('keeps the given privacy and lists newest first, page by page with opaque cursors', async () => {
    const me = await person(stack);
    const published: string[] = [];
    for (let i = 0; i < 5; i += 1)
      published.push((await publish(me.api, 'user', { title: `n${i}`, privacy: { value: 'CUSTOM', perms: 'WRITE' } })).id);
    const pages = await allPages<'ressources', View>(me.api, '/user/ressources', 'ressources', 2);
    expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
    expect(pages.flat().map((r) => r.id)).toEqual([...published].reverse());
    expect(pages.flat()[0].privacy).toEqual({ value: 'CUSTOM', perms: 'WRITE', allow: [], deny: [] });

    const badCursor = await me.api.get<ErrorBody>('/user/ressources?cursor=garbage');
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.error.message).toMatch(/cursor/);
    const badLimit = await me.api.get<ErrorBody>('/user/ressources?limit=0');
    expect(badLimit.status).toBe(400);
    expect(badLimit.body.error.message).toMatch(/limit/);
  });

  it('refuses bad input with a 400 naming the field and publishes nothing', async () => {
    const me = await person(stack);
    const bad = await me.api.post<ErrorBody>('/user/ressources', { title: 'x', privacy: { value: 'EVERYONE' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/privacy\.value/);
    const unknown = await me.api.post<ErrorBody>('/user/ressources', { title: 'x', colour: 'red' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/colour/);
    const notUuid = await me.api.post<ErrorBody>('/user/ressources', { privacy: { value: 'CUSTOM', allow: ['bob'] } });
    expect(notUuid.status).toBe(400);
    expect(notUuid.body.error.message).toMatch(/allow/);
    const avatar = await me.api.post<ErrorBody>('/user/ressources', { avatar: '00000000-0000-4000-8000-000000000000' });
    expect(avatar.status).toBe(400);
    expect(avatar.body.error.message).toMatch(/avatar/);
    expect(ids(await me.api.get<Page<'ressources', View>>('/user/ressources'))).toEqual([]);
  });
});

describe('publishing to /workspace/ressources (seed 004)', () => {
  it('lets an admin publish to a workspace: attached to it, listed by workspace', async () => {
    const [admin, member] = [await person(stack), await person(stack)];
    const ws = await workspace(stack, admin, [member]);
    const published = await publish(admin.api, 'workspace', { workspace: ws, title: 'Handbook' });
    expect(published).toMatchObject({ owner: admin.id, workspace: ws, title: 'Handbook' });
    const listed = await admin.api.get<Page<'ressources', View>>(`/workspace/ressources?workspace=${ws}`);
    expect(listed.status).toBe(200);
    expect(ids(listed)).toEqual([published.id]);
    expect(ids(await admin.api.get<Page<'ressources', View>>('/user/ressources'))).toEqual([]);
  });

  it('answers 400 without a workspace, 404 for an unknown one or a room that is not a workspace', async () => {
    const admin = await person(stack);
    const missing = await admin.api.post<ErrorBody>('/workspace/ressources', { title: 'x' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toMatch(/workspace/);
    expect((await admin.api.post('/workspace/ressources', { workspace: '5a9d2c1e-0000-4000-8000-000000000001' })).status).toBe(404);
    const room = await group(stack, admin, []);
    expect((await admin.api.post('/workspace/ressources', { workspace: room })).status).toBe(404);
    expect((await admin.api.get(`/workspace/ressources?workspace=${room}`)).status).toBe(404);
    expect((await admin.api.get('/workspace/ressources')).status).toBe(400);
  });

  it('lets a workspace token publish to its own workspace: no user owner, listed for the workspace and its admins', async () => {
    const admin = await person(stack);
    const ws = await workspace(stack, admin);
    const token = await workspaceToken(stack, ws);
    const published = await publish(token, 'workspace', { title: 'From the workspace' });
    expect(published.workspace).toBe(ws);
    expect(published.owner).toBeUndefined();
    expect(ids(await token.get<Page<'ressources', View>>('/workspace/ressources'))).toEqual([published.id]);
    expect(ids(await admin.api.get<Page<'ressources', View>>(`/workspace/ressources?workspace=${ws}`))).toEqual([published.id]);
    const feed = await admin.api.get<{ feed: Array<{ type: string; from: { id: string; type: string } }> }>(
      `/ressource/${published.id}/feed`,
    );
    expect(feed.body.feed).toEqual([expect.objectContaining({ type: 'created', from: { id: ws, type: 'workspace' } })]);
    // its admins manage it: deleting moves it out of the workspace
    expect((await admin.api.delete(`/ressource/${published.id}`)).status).toBe(200);
    expect((await token.get(`/ressource/${published.id}`)).status).toBe(404);
    expect(ids(await admin.api.get<Page<'ressources', View>>(`/workspace/ressources?workspace=${ws}`))).toEqual([]);
  });
});

describe('publishing to /environment/ressources (seed 004)', () => {
  it("publishes to the caller's network; others find it there once it is shared with them", async () => {
    const [owner, friend, stranger] = [await person(stack), await person(stack), await person(stack)];
    const published = await publish(owner.api, 'environment', { title: 'Town notice' });
    expect(published).toMatchObject({ owner: owner.id, privacy: { value: 'SELF' } });
    expect(published.workspace).toBeUndefined();
    const mine = await owner.api.get<Page<'ressources', View>>('/environment/ressources');
    expect(mine.status).toBe(200);
    expect(ids(mine)).toContain(published.id);
    expect(ids(await friend.api.get<Page<'ressources', View>>('/environment/ressources'))).not.toContain(published.id);

    expect((await owner.api.put(`/ressource/${published.id}`, { privacy: { value: 'CUSTOM', allow: [friend.id] } })).status).toBe(200);
    expect(ids(await friend.api.get<Page<'ressources', View>>('/environment/ressources'))).toContain(published.id);
    expect(ids(await stranger.api.get<Page<'ressources', View>>('/environment/ressources'))).not.toContain(published.id);
    expect(ids(await owner.api.get<Page<'ressources', View>>('/user/ressources'))).not.toContain(published.id);
  });

  it("keeps each network's environment apart", async () => {
    const [here, there] = [
      await person(stack),
      await stack.user({ scope: 'workspace_ressources manage_ressources', networkId: 'other-net' }),
    ];
    const published = await publish(here.api, 'environment', { privacy: { value: 'CUSTOM', allow: [there.id] } });
    const elsewhere = here.api.as(there.token);
    expect(ids(await elsewhere.get<Page<'ressources', View>>('/environment/ressources'))).not.toContain(published.id);
    // the ressource itself is still shared with that user
    expect((await elsewhere.get(`/ressource/${published.id}`)).status).toBe(200);
  });

  it('is reached only through seed 004: seed 000 neither places resources there nor lists it', async () => {
    const me = await person(stack);
    const placed = await me.api.ops('resource:create', { resource: { title: 'sneak' }, belonging: 'environment:default' });
    expect(placed.status).toBe(404);
    const listed = await me.api.ops('resource:searchBelonging', { belonging: 'environment:default' });
    expect(listed.status).toBe(404);
  });
});
