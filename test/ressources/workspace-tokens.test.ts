import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allOperations } from '../../functions/catalog.js';
import type { ApiClient } from '../helpers/client.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';
import { TestSocket } from '../relay/helpers.js';
import { person, publish, workspace, workspaceToken } from './support.js';

let stack: TestStack;
beforeAll(async () => (stack = await startTestStack()));
afterAll(async () => stack?.stop());

const SOME_ID = '3f1c2d9e-8a6b-4c1e-9f3a-5b7d2e4c6a80';
const WORKSPACE_MESSAGE = /workspace token is accepted only by the ressource operations of seed 004/;

/** Every way the registry binds an operation that needs a token, as a request with placeholder ids. */
function calls(): Array<{ name: string; workspaceTokens: boolean; send: (api: ApiClient) => Promise<{ status: number; body: unknown }> }> {
  return allOperations()
    .filter((op) => op.auth === 'required')
    .flatMap((op) => [
      ...(op.bindings.http ?? []).map((b) => ({
        name: `${op.name} ${b.method} ${b.path}`,
        workspaceTokens: op.workspaceTokens === true,
        send: (api: ApiClient) =>
          api.request(b.method, b.path.replace(/\{[^}]+\}/g, SOME_ID), b.method === 'GET' || b.method === 'DELETE' ? undefined : {}),
      })),
      ...(op.bindings.jsonRpc
        ? [
            {
              name: `${op.name} ${op.bindings.jsonRpc}`,
              workspaceTokens: op.workspaceTokens === true,
              send: (api: ApiClient) => api.post(op.bindings.jsonRpc as string, {}),
            },
          ]
        : []),
      ...(op.bindings.websocket
        ? [
            {
              name: `${op.name} ws`,
              workspaceTokens: op.workspaceTokens === true,
              send: (api: ApiClient) => api.ops(op.bindings.websocket as string, {}),
            },
          ]
        : []),
    ]);
}

describe('workspace tokens outside seed 004', () => {
  it('are answered 401 by every operation of every other family, and accepted by the seed 004 ones', async () => {
    const admin = await person(stack);
    const token = await workspaceToken(stack, await workspace(stack, admin));
    const answers = await Promise.all(calls().map(async (call) => ({ call, res: await call.send(token) })));
    const refused = answers.filter(({ call }) => !call.workspaceTokens).map(({ call, res }) => [call.name, res.status]);
    expect(refused.length).toBeGreaterThan(100);
    expect(refused.filter(([, status]) => status !== 401)).toEqual([]);
    const accepted = answers.filter(({ call }) => call.workspaceTokens).map(({ call, res }) => [call.name, res.status]);
    expect(accepted.map(([name]) => name)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^ressource\.get /), expect.stringMatching(/^ressource\.publishToWorkspace /)]),
    );
    expect(accepted.filter(([, status]) => status === 401)).toEqual([]);
  });

  it("say why in each family's own error format: resources, chats, props, reactions", async () => {
    const admin = await person(stack);
    const token = await workspaceToken(stack, await workspace(stack, admin));
    const resource = await token.post<{ error: { code: number; message: string } }>('/api/v0/resource/create', {
      resource: { title: 'x' },
    });
    expect(resource.status).toBe(401);
    expect(resource.body.error.message).toMatch(WORKSPACE_MESSAGE);
    const rooms = await token.get<{ message: string; traceId: string }>('/rooms');
    expect(rooms.status).toBe(401);
    expect(rooms.body.message).toMatch(WORKSPACE_MESSAGE);
    const prop = await token.post<{ error: { code: number } }>('/jsonRpc/prop.getPropModel', { roomId: SOME_ID, propId: 'p' });
    expect([prop.status, prop.body.error.code]).toEqual([401, 401]);
    const mine = await publish(admin.api, 'user');
    const reaction = await token.ops('resource:setReaction', { resource: mine.id, reaction: 'like' });
    expect([reaction.status, reaction.body.error.code]).toEqual([401, 401]);
    expect(reaction.body.error.message).toMatch(WORKSPACE_MESSAGE);
    // the same calls with a token pointing to a user pass authentication
    expect((await admin.api.get('/rooms')).status).toBe(200);
    expect((await admin.api.ops('resource:setReaction', { resource: mine.id, reaction: 'like' })).status).toBe(200);
  });

  it('are refused by the relay, in the upgrade header and in an auth frame', async () => {
    const admin = await person(stack);
    const ws = await workspace(stack, admin);
    const raw = await stack.token({ user: ws, workspace: true, scope: 'workspace_ressources manage_ressources' });
    const url = `${stack.url.replace('http', 'ws')}/ws`;
    const byHeader = await TestSocket.open(url, raw);
    expect(await byHeader.closed).toEqual({ code: 4401, reason: expect.stringMatching(WORKSPACE_MESSAGE) });
    const byFrame = await TestSocket.open(url);
    byFrame.sendRaw(JSON.stringify({ endpoint: 'auth', data: { token: raw }, event: { id: 'a1', date: Date.now() } }));
    expect((await byFrame.closed).code).toBe(4401);
    expect(byFrame.frames[0]).toMatchObject({ endpoint: 'auth', error: { status: true, code: 401 } });
    const user = await TestSocket.authenticated(url, admin.token);
    user.close();
  });

  it('never make a workspace a user of the directory', async () => {
    const admin = await person(stack);
    const ws = await workspace(stack, admin);
    const token = await workspaceToken(stack, ws);
    expect((await token.get('/workspace/ressources')).status).toBe(200);
    expect((await admin.api.get(`/users/${ws}`)).status).toBe(404);
  });
});
