import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/client.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';
import { responseProblems } from '../../shared/validation/validator.js';
import { ressourceSchema } from '../../functions/ressources/schemas/ressource.js';
import { resources } from '../../shared/resources/repository.js';

let stack: TestStack;
beforeAll(async () => (stack = await startTestStack()));
afterAll(async () => stack?.stop());

const READ = 'workspace_ressources';
const BOTH = 'workspace_ressources manage_ressources';

async function person(scope = BOTH) {
  const u = await stack.user({ scope });
  return { ...u, api: new ApiClient(stack.url, u.token) };
}

async function ownResource(api: ApiClient): Promise<string> {
  return (await api.post<{ id: string }>('/api/v0/resource/create', { resource: { title: 'Plan' } })).body.id;
}

describe('ressource (seed 004)', () => {
  it('shows owner and default SELF privacy to the owner, with created/updated times', async () => {
    const owner = await person();
    const id = await ownResource(owner.api);
    const res = await owner.api.get<Record<string, unknown>>(`/ressource/${id}`);
    expect(res.status).toBe(200);
    expect(responseProblems(ressourceSchema, res.body)).toEqual([]);
    expect(res.body).toMatchObject({ id, owner: owner.id, privacy: { value: 'SELF', perms: 'READ', allow: [], deny: [] } });
    expect(Date.parse(res.body.created_time as string)).toBeGreaterThan(0);
  });

  it('needs the scopes of the seed: workspace_ressources to read, manage_ressources to change', async () => {
    const owner = await person('');
    const id = await ownResource(owner.api);
    const read = await owner.api.get<{ error: { message: string } }>(`/ressource/${id}`);
    expect(read.status).toBe(403);
    expect(read.body.error.message).toMatch(/workspace_ressources/);
    const reader = new ApiClient(stack.url, await stack.token({ user: owner.id, scope: READ }));
    expect((await reader.get(`/ressource/${id}`)).status).toBe(200);
    const put = await reader.put<{ error: { message: string } }>(`/ressource/${id}`, { privacy: { value: 'CUSTOM' } });
    expect(put.status).toBe(403);
    expect(put.body.error.message).toMatch(/manage_ressources/);
  });

  it('shares by CUSTOM privacy with users and groups; READ reads, WRITE manages, deny wins; others get 404', async () => {
    const [owner, reader, groupMate, denied, stranger] = [await person(), await person(), await person(), await person(), await person()];
    const id = await ownResource(owner.api);
    const group = await owner.api.post<{ id: string }>('/rooms', { name: 'Group', type: 'group', membersIds: [groupMate.id, denied.id] });
    expect(group.status).toBe(201);

    expect((await reader.api.get(`/ressource/${id}`)).status).toBe(404);
    const share = await owner.api.put<{ success: boolean }>(`/ressource/${id}`, {
      privacy: { value: 'CUSTOM', perms: 'READ', allow: [reader.id, group.body.id], deny: [denied.id] },
    });
    expect(share.status).toBe(200);
    expect(share.body).toEqual({ success: true });

    expect((await reader.api.get(`/ressource/${id}`)).status).toBe(200);
    expect((await groupMate.api.get(`/ressource/${id}`)).status).toBe(200);
    expect((await denied.api.get(`/ressource/${id}`)).status).toBe(404);
    expect((await stranger.api.get(`/ressource/${id}`)).status).toBe(404);
    expect((await reader.api.put(`/ressource/${id}`, { privacy: { value: 'SELF' } })).status).toBe(403);

    await owner.api.put(`/ressource/${id}`, { privacy: { value: 'CUSTOM', perms: 'WRITE', allow: [reader.id], deny: [] } });
    expect(
      (await reader.api.put(`/ressource/${id}`, { privacy: { value: 'CUSTOM', perms: 'WRITE', allow: [reader.id, stranger.id] } })).status,
    ).toBe(200);
    expect((await stranger.api.get(`/ressource/${id}`)).status).toBe(200);
  });

  it('lets workspace admins and WORKSPACE-shared members in, and a workspace token read what is attached to it', async () => {
    const [admin, member, other] = [await person(), await person(), await person()];
    const workspace = await admin.api.post<{ id: string }>('/rooms', { name: 'WS', type: 'workspace', membersIds: [member.id, other.id] });
    expect(workspace.status).toBe(201);
    const id = await ownResource(member.api);
    // attached to the workspace: contributed to its room sorting table
    await resources()
      .doc(id)
      .update({ belonging: `roomSortingTable:${workspace.body.id}`, belongingType: 'roomSortingTable' });

    const asAdmin = await admin.api.get<{ workspace: string }>(`/ressource/${id}`);
    expect(asAdmin.status).toBe(200);
    expect(asAdmin.body.workspace).toBe(workspace.body.id);
    expect((await admin.api.put(`/ressource/${id}`, { privacy: { value: 'WORKSPACE', perms: 'READ' } })).status).toBe(200);
    expect((await other.api.get(`/ressource/${id}`)).status).toBe(200);
    expect((await other.api.put(`/ressource/${id}`, { privacy: { value: 'SELF' } })).status).toBe(403);

    const wsToken = new ApiClient(stack.url, await stack.token({ user: workspace.body.id, workspace: true, scope: BOTH }));
    expect((await wsToken.get(`/ressource/${id}`)).status).toBe(200);
    expect((await wsToken.put(`/ressource/${id}`, { privacy: { value: 'SELF' } })).status).toBe(403);
    const elsewhere = await ownResource(member.api);
    expect((await wsToken.get(`/ressource/${elsewhere}`)).status).toBe(404);
  });

  it('deletes into the owner trashcan for owners and WRITE shares only, after which the ressource is gone', async () => {
    const [owner, writer, reader] = [await person(), await person(), await person()];
    const id = await ownResource(owner.api);
    await owner.api.put(`/ressource/${id}`, { privacy: { value: 'CUSTOM', perms: 'READ', allow: [reader.id] } });
    expect((await reader.api.delete(`/ressource/${id}`)).status).toBe(403);
    await owner.api.put(`/ressource/${id}`, { privacy: { value: 'CUSTOM', perms: 'WRITE', allow: [writer.id] } });
    const deleted = await writer.api.delete<{ success: boolean }>(`/ressource/${id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ success: true });
    expect((await owner.api.get(`/ressource/${id}`)).status).toBe(404);
    const trashed = await owner.api.ops<{ resource: { belonging: string } }>('resource:get', { resource: id });
    expect(trashed.body.data.resource.belonging).toBe(`trashcan:${owner.id}`);
  });

  it('rejects bad input with a 400 naming the field and changes nothing', async () => {
    const owner = await person();
    const id = await ownResource(owner.api);
    const empty = await owner.api.put<{ error: { message: string } }>(`/ressource/${id}`, {});
    expect(empty.status).toBe(400);
    const bad = await owner.api.put<{ error: { message: string } }>(`/ressource/${id}`, { privacy: { value: 'EVERYONE' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/privacy\.value/);
    expect((await owner.api.get(`/ressource/not-a-uuid`)).status).toBe(400);
    const view = await owner.api.get<{ privacy: { value: string } }>(`/ressource/${id}`);
    expect(view.body.privacy.value).toBe('SELF');
  });
});
