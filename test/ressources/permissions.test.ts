import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../helpers/client.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';
import {
  BOTH,
  group,
  ids,
  imageResource,
  MANAGE,
  person,
  publish,
  READ,
  workspace,
  workspaceToken,
  type ErrorBody,
  type Page,
  type View,
} from './support.js';

let stack: TestStack;
beforeAll(async () => (stack = await startTestStack()));
afterAll(async () => stack?.stop());

/** The seed 004 edges that read one ressource: itself, its photos, its feed. */
const readPaths = (id: string) => [`/ressource/${id}`, `/ressource/${id}/photos`, `/ressource/${id}/feed`];
const readStatuses = async (api: ApiClient, id: string) => Promise.all(readPaths(id).map(async (path) => (await api.get(path)).status));

/** The edges that manage one ressource (apart from DELETE): PUT with the given privacy, attaching a photo. */
async function manageStatuses(api: ApiClient, id: string, privacy: Record<string, unknown>, photo: string): Promise<number[]> {
  const put = await api.put(`/ressource/${id}`, { privacy });
  const attach = await api.post(`/ressource/${id}/photos`, { photo });
  return [put.status, attach.status];
}

const listed = async (api: ApiClient, path: string) => ids(await api.get<Page<'ressources', View>>(path));
const NOT_FOUND = [404, 404, 404];
const VISIBLE = [200, 200, 200];

describe('seed 004 permission rules, edge by edge', () => {
  it('scopes: workspace_ressources reads every edge, manage_ressources changes, publishes and attaches', async () => {
    const owner = await person(stack);
    const ws = await workspace(stack, owner);
    const published = await publish(owner.api, 'user');
    const photo = await imageResource(owner);

    const none = owner.api.as(await stack.token({ user: owner.id, scope: '' }));
    for (const path of [
      ...readPaths(published.id),
      '/user/ressources',
      '/environment/ressources',
      `/workspace/ressources?workspace=${ws}`,
    ]) {
      const res = await none.get<ErrorBody>(path);
      expect([path, res.status, res.body.error.message]).toEqual([path, 403, expect.stringMatching(/workspace_ressources/)]);
    }
    const readOnly = owner.api.as(await stack.token({ user: owner.id, scope: READ }));
    expect(await readStatuses(readOnly, published.id)).toEqual(VISIBLE);
    const changes = [
      await readOnly.put<ErrorBody>(`/ressource/${published.id}`, { privacy: { value: 'SELF' } }),
      await readOnly.post<ErrorBody>(`/ressource/${published.id}/photos`, { photo }),
      await readOnly.delete<ErrorBody>(`/ressource/${published.id}`),
      await readOnly.post<ErrorBody>('/user/ressources', {}),
      await readOnly.post<ErrorBody>('/workspace/ressources', { workspace: ws }),
      await readOnly.post<ErrorBody>('/environment/ressources', {}),
    ];
    expect(changes.map((r) => r.status)).toEqual([403, 403, 403, 403, 403, 403]);
    for (const r of changes) expect(r.body.error.message).toMatch(/manage_ressources/);
    const manageOnly = owner.api.as(await stack.token({ user: owner.id, scope: MANAGE }));
    expect(await readStatuses(manageOnly, published.id)).toEqual([403, 403, 403]);
  });

  it('owner: reads, manages, attaches and deletes their ressource', async () => {
    const owner = await person(stack);
    const published = await publish(owner.api, 'environment');
    expect(await readStatuses(owner.api, published.id)).toEqual(VISIBLE);
    expect(await manageStatuses(owner.api, published.id, { value: 'SELF' }, await imageResource(owner))).toEqual([200, 201]);
    expect((await owner.api.delete(`/ressource/${published.id}`)).status).toBe(200);
    expect(await readStatuses(owner.api, published.id)).toEqual(NOT_FOUND);
  });

  it('strangers: every edge answers 404 and no listing shows the ressource', async () => {
    const [owner, stranger] = [await person(stack), await person(stack)];
    const published = await publish(owner.api, 'environment');
    expect(await readStatuses(stranger.api, published.id)).toEqual(NOT_FOUND);
    expect(
      await manageStatuses(stranger.api, published.id, { value: 'CUSTOM', allow: [stranger.id] }, await imageResource(stranger)),
    ).toEqual([404, 404]);
    expect((await stranger.api.delete(`/ressource/${published.id}`)).status).toBe(404);
    expect(await listed(stranger.api, '/environment/ressources')).not.toContain(published.id);
    expect(await listed(stranger.api, '/user/ressources')).not.toContain(published.id);
  });

  it('shares: CUSTOM READ (to a user or a group) reads every edge and lists, manages nothing; WRITE manages', async () => {
    const [owner, reader, mate, writer] = [await person(stack), await person(stack), await person(stack), await person(stack)];
    const team = await group(stack, owner, [mate]);
    const published = await publish(owner.api, 'environment', { privacy: { value: 'CUSTOM', perms: 'READ', allow: [reader.id, team] } });
    for (const who of [reader, mate]) {
      expect(await readStatuses(who.api, published.id)).toEqual(VISIBLE);
      expect(await listed(who.api, '/environment/ressources')).toContain(published.id);
      expect(await manageStatuses(who.api, published.id, { value: 'SELF' }, await imageResource(who))).toEqual([403, 403]);
      expect((await who.api.delete(`/ressource/${published.id}`)).status).toBe(403);
    }
    const writable = { value: 'CUSTOM', perms: 'WRITE', allow: [writer.id] };
    expect((await owner.api.put(`/ressource/${published.id}`, { privacy: writable })).status).toBe(200);
    expect(await readStatuses(reader.api, published.id)).toEqual(NOT_FOUND);
    expect(await manageStatuses(writer.api, published.id, writable, await imageResource(writer))).toEqual([200, 201]);
    expect((await writer.api.delete(`/ressource/${published.id}`)).status).toBe(200);
  });

  it("WORKSPACE privacy: members of the ressource's workspace read it (and see it listed) with its perms; SELF keeps them out", async () => {
    const [admin, member] = [await person(stack), await person(stack)];
    const ws = await workspace(stack, admin, [member]);
    const hidden = await publish(admin.api, 'workspace', { workspace: ws });
    const shared = await publish(admin.api, 'workspace', { workspace: ws, privacy: { value: 'WORKSPACE', perms: 'READ' } });
    expect(await readStatuses(member.api, hidden.id)).toEqual(NOT_FOUND);
    expect(await readStatuses(member.api, shared.id)).toEqual(VISIBLE);
    expect(await listed(member.api, `/workspace/ressources?workspace=${ws}`)).toEqual([shared.id]);
    const photo = await imageResource(member);
    expect(await manageStatuses(member.api, shared.id, { value: 'WORKSPACE', perms: 'WRITE' }, photo)).toEqual([403, 403]);
    expect((await admin.api.put(`/ressource/${shared.id}`, { privacy: { value: 'WORKSPACE', perms: 'WRITE' } })).status).toBe(200);
    expect(await manageStatuses(member.api, shared.id, { value: 'WORKSPACE', perms: 'WRITE' }, photo)).toEqual([200, 201]);
    // WORKSPACE shares nothing outside a workspace
    const outside = await publish(admin.api, 'environment', { privacy: { value: 'WORKSPACE', perms: 'WRITE' } });
    expect(await readStatuses(member.api, outside.id)).toEqual(NOT_FOUND);
    // a user who is not in the workspace neither lists nor reads it
    const stranger = await person(stack);
    expect((await stranger.api.get(`/workspace/ressources?workspace=${ws}`)).status).toBe(404);
    expect(await readStatuses(stranger.api, shared.id)).toEqual(NOT_FOUND);
  });

  it("workspace admins: read, list and manage what is attached to their workspace, even a member's SELF ressource; only they publish there", async () => {
    const [admin, member, otherAdmin] = [await person(stack), await person(stack), await person(stack)];
    const ws = await workspace(stack, admin, [member]);
    await workspace(stack, otherAdmin, [member]);
    // a member's contribution to the workspace (seed 000 room sorting table) is attached to it
    const contributed = await member.api.ops<{ resource: { id: string } }>('resource:create', {
      resource: { title: 'notes' },
      contributeToRoom: ws,
    });
    const id = contributed.body.data.resource.id;
    expect((await member.api.get<View>(`/ressource/${id}`)).body).toMatchObject({
      owner: member.id,
      workspace: ws,
      privacy: { value: 'SELF' },
    });

    expect(await readStatuses(admin.api, id)).toEqual(VISIBLE);
    expect(await listed(admin.api, `/workspace/ressources?workspace=${ws}`)).toContain(id);
    expect(await manageStatuses(admin.api, id, { value: 'SELF' }, await imageResource(admin))).toEqual([200, 201]);
    expect(await readStatuses(otherAdmin.api, id)).toEqual(NOT_FOUND);

    const byMember = await member.api.post<ErrorBody>('/workspace/ressources', { workspace: ws });
    expect(byMember.status).toBe(403);
    expect(byMember.body.error.message).toMatch(/admins/);
    expect((await otherAdmin.api.post('/workspace/ressources', { workspace: ws })).status).toBe(404);
    expect((await admin.api.delete(`/ressource/${id}`)).status).toBe(200);
    expect(await readStatuses(member.api, id)).toEqual(NOT_FOUND);
  });

  it('workspace tokens: read what is attached to their workspace on every edge, publish there, manage nothing', async () => {
    const [admin, member] = [await person(stack), await person(stack)];
    const ws = await workspace(stack, admin, [member]);
    const other = await workspace(stack, member);
    const token = await workspaceToken(stack, ws);
    const attached = await publish(admin.api, 'workspace', { workspace: ws });
    const elsewhere = await publish(member.api, 'workspace', { workspace: other });
    const personal = await publish(admin.api, 'user');

    expect(await readStatuses(token, attached.id)).toEqual(VISIBLE);
    expect(await readStatuses(token, elsewhere.id)).toEqual(NOT_FOUND);
    expect(await readStatuses(token, personal.id)).toEqual(NOT_FOUND);
    const changes = [
      await token.put<ErrorBody>(`/ressource/${attached.id}`, { privacy: { value: 'SELF' } }),
      await token.post<ErrorBody>(`/ressource/${attached.id}/photos`, { photo: personal.id }),
      await token.delete<ErrorBody>(`/ressource/${attached.id}`),
    ];
    expect(changes.map((r) => r.status)).toEqual([403, 403, 403]);
    for (const r of changes) expect(r.body.error.message).toMatch(/pointing to a user/);

    expect(await listed(token, '/workspace/ressources')).toEqual([attached.id]);
    expect((await token.get(`/workspace/ressources?workspace=${other}`)).status).toBe(404);
    expect((await token.get('/user/ressources')).status).toBe(403);
    expect((await token.get('/environment/ressources')).status).toBe(403);
    expect((await token.post('/user/ressources', {})).status).toBe(403);
    expect((await token.post('/environment/ressources', {})).status).toBe(403);
    expect((await token.post('/workspace/ressources', { workspace: other })).status).toBe(404);
    expect((await token.post('/workspace/ressources', { workspace: ws })).status).toBe(201);
    // a token pointing to a workspace that is not one (or no longer exists) publishes nowhere
    const ghost = await workspaceToken(stack, '7b2e4a10-0000-4000-8000-00000000beef', BOTH);
    expect((await ghost.post('/workspace/ressources', {})).status).toBe(404);
  });

  it('deny wins: over a user or group share, over WORKSPACE membership, over admin rights and over a workspace token', async () => {
    const [admin, member, friend, mate] = [await person(stack), await person(stack), await person(stack), await person(stack)];
    const ws = await workspace(stack, admin, [member, mate]);
    const team = await group(stack, admin, [friend, mate]);
    const token = await workspaceToken(stack, ws);
    // only admins publish to a workspace: the member's ressource is a contribution to its room sorting table
    const contributed = await member.api.ops<{ resource: { id: string } }>('resource:create', {
      resource: { title: 'plan' },
      contributeToRoom: ws,
    });
    const id = contributed.body.data.resource.id;
    const put = (privacy: Record<string, unknown>) => member.api.put(`/ressource/${id}`, { privacy });

    expect((await put({ value: 'CUSTOM', perms: 'WRITE', allow: [friend.id, team], deny: [mate.id] })).status).toBe(200);
    expect(await readStatuses(friend.api, id)).toEqual(VISIBLE);
    expect(await readStatuses(mate.api, id)).toEqual(NOT_FOUND);
    expect((await put({ value: 'CUSTOM', perms: 'WRITE', allow: [friend.id], deny: [team] })).status).toBe(200);
    expect(await readStatuses(friend.api, id)).toEqual(NOT_FOUND);
    expect((await put({ value: 'WORKSPACE', perms: 'READ', deny: [mate.id] })).status).toBe(200);
    expect(await readStatuses(mate.api, id)).toEqual(NOT_FOUND);
    expect(await listed(mate.api, `/workspace/ressources?workspace=${ws}`)).not.toContain(id);
    expect(await listed(admin.api, `/workspace/ressources?workspace=${ws}`)).toContain(id);
    expect((await put({ value: 'WORKSPACE', perms: 'READ', deny: [admin.id, ws] })).status).toBe(200);
    expect(await readStatuses(admin.api, id)).toEqual(NOT_FOUND);
    expect(await listed(admin.api, `/workspace/ressources?workspace=${ws}`)).not.toContain(id);
    expect(await readStatuses(token, id)).toEqual(NOT_FOUND);
    // the owner is never locked out
    expect(await readStatuses(member.api, id)).toEqual(VISIBLE);
  });
});

describe('listings show what the caller may see', () => {
  it('a workspace listing pages through the visible ressources only', async () => {
    const [admin, member] = [await person(stack), await person(stack)];
    const ws = await workspace(stack, admin, [member]);
    const visible: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      const shared = i % 2 === 0;
      const p = await publish(admin.api, 'workspace', {
        workspace: ws,
        title: `w${i}`,
        ...(shared && { privacy: { value: 'WORKSPACE' } }),
      });
      if (shared) visible.push(p.id);
    }
    const first = await member.api.get<Page<'ressources', View>>(`/workspace/ressources?workspace=${ws}&limit=2`);
    expect(ids(first)).toEqual([visible[2], visible[1]]);
    expect(first.body.hasMore).toBe(true);
    const second = await member.api.get<Page<'ressources', View>>(
      `/workspace/ressources?workspace=${ws}&limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`,
    );
    expect(ids(second)).toEqual([visible[0]]);
    expect(second.body).toMatchObject({ hasMore: false, nextCursor: '' });
    expect(await listed(admin.api, `/workspace/ressources?workspace=${ws}&limit=100`)).toHaveLength(6);
  });
});
