import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployables } from '../../functions/manifest.js';
import { ApiClient } from '../helpers/client.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';
import { expectEnvelope, rawRequest } from './support.js';

const ALLOWED = 'http://127.0.0.1:5173';
const EVIL = 'http://evil.example';

let stack: TestStack;
let victim: { id: string; token: string; api: ApiClient };
let stranger: { id: string; token: string; api: ApiClient };

async function user() {
  const { id, token } = await stack.user();
  return { id, token, api: new ApiClient(stack.url, token) };
}

beforeAll(async () => {
  process.env.CORS_ALLOWED_ORIGINS = ALLOWED;
  stack = await startTestStack({ deployables: deployables.filter((d) => ['resources', 'chats-rooms', 'chats-users'].includes(d.name)) });
  victim = await user();
  stranger = await user();
  // profiles exist once a user made a call
  await stranger.api.get('/users/capabilities');
});

afterAll(async () => {
  delete process.env.CORS_ALLOWED_ORIGINS;
  await stack?.stop();
});

const cookie = () => ({ cookie: `ZM_AUTH_TOKEN=${victim.token}` });
const form = (origin = EVIL) => ({ ...cookie(), origin, 'content-type': 'application/x-www-form-urlencoded' });

async function titles(): Promise<string[]> {
  const answer = await victim.api.ops<{ resources: { title: string }[] }>('resource:searchBelonging', {
    belonging: `userSortingTable:${victim.id}`,
    limit: 100,
  });
  expect(answer.status).toBe(200);
  return answer.body.data.resources.map((r) => r.title);
}

async function createResource(title: string): Promise<string> {
  const answer = await victim.api.post<{ id: string }>('/api/v0/resource/create', { resource: { title } });
  expect(answer.status).toBe(200);
  return answer.body.id;
}

async function group(): Promise<string> {
  const others = [await user(), await user()];
  for (const o of others) await o.api.get('/users/capabilities');
  const answer = await victim.api.post<{ id: string }>('/rooms', { type: 'group', name: 'Team', membersIds: others.map((o) => o.id) });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body.id;
}

async function members(roomId: string): Promise<string[]> {
  const answer = await victim.api.get<Array<{ userId: string }>>(`/rooms/${roomId}/members`);
  expect(answer.status).toBe(200);
  return answer.body.map((m) => m.userId);
}

describe('a cross-site form post with the victim cookie', () => {
  it('cannot create a resource (form fields, query fields, text/plain JSON, multipart)', async () => {
    const attempts: Array<[string, Record<string, string>, string]> = [
      ['/api/v0/resource/create', form(), 'resource%5Btitle%5D=csrf-form'],
      ['/api/v0/resource/create?resource%5Btitle%5D=csrf-query', form(), ''],
      [
        '/api/v0/resource/create',
        { ...cookie(), origin: EVIL, 'content-type': 'text/plain' },
        JSON.stringify({ resource: { title: 'csrf-text' } }),
      ],
      [
        '/api/v0/resource/create',
        { ...cookie(), origin: EVIL, 'content-type': 'multipart/form-data; boundary=b' },
        '--b\r\nContent-Disposition: form-data; name="resource[title]"\r\n\r\ncsrf-multipart\r\n--b--\r\n',
      ],
      ['/ops/resource:create', form(), 'data%5Bresource%5D%5Btitle%5D=csrf-ops'],
    ];
    for (const [path, headers, body] of attempts)
      expectEnvelope(
        await rawRequest(stack.url, 'POST', path, headers, body),
        415,
        path.startsWith('/ops/') ? 'ops' : 'resource',
        /not accepted/,
      );
    expect((await titles()).filter((t) => t.startsWith('csrf'))).toEqual([]);
  });

  it('cannot trash one of the victim resources', async () => {
    const id = await createResource('keep me');
    expectEnvelope(await rawRequest(stack.url, 'POST', '/ops/resource:delete', form(), `data%5BresourceId%5D=${id}`), 415, 'ops');
    expectEnvelope(
      await rawRequest(
        stack.url,
        'POST',
        `/ops/resource:delete?resourceId=${id}`,
        { ...cookie(), origin: EVIL, 'content-type': 'text/plain' },
        '',
      ),
      415,
      'ops',
    );
    expect(await titles()).toContain('keep me');
  });

  it('cannot make a stranger owner of the victim room', async () => {
    const roomId = await group();
    const query = `?userId=${stranger.id}&owner=true&historyCleared=false`;
    expectEnvelope(await rawRequest(stack.url, 'POST', `/rooms/${roomId}/members${query}`, form(), ''), 415, 'chats', /not accepted/);
    expectEnvelope(
      await rawRequest(stack.url, 'POST', `/rooms/${roomId}/members`, form(), `userId=${stranger.id}&owner=true&historyCleared=false`),
      415,
      'chats',
    );
    expect(await members(roomId)).not.toContain(stranger.id);
  });
});

describe('query strings', () => {
  it('never supply body fields of POST, even with a bearer token and a JSON body', async () => {
    const roomId = await group();
    const answer = await victim.api.post(`/rooms/${roomId}/members?userId=${stranger.id}&owner=true&historyCleared=false`, {});
    expectEnvelope(
      { status: answer.status, headers: { 'content-type': answer.headers.get('content-type') ?? '' }, text: JSON.stringify(answer.body) },
      400,
      'chats',
      /userId/,
    );
    expect(await members(roomId)).not.toContain(stranger.id);
    const created = await victim.api.post<{ title: string }>('/api/v0/resource/create?resource=x', {
      resource: { title: 'from the body' },
    });
    expect(created.status).toBe(200);
    expect(created.body.title).toBe('from the body');
  });
});

describe('chats clients using the cookie', () => {
  it('keep working with JSON, without an Origin or from an allowed one', async () => {
    const others = [await user(), await user()];
    for (const o of others) await o.api.get('/users/capabilities');
    const body = JSON.stringify({ type: 'group', name: 'By cookie', membersIds: others.map((o) => o.id) });
    const origins: Record<string, string>[] = [{}, { origin: ALLOWED }, { origin: stack.url }];
    for (const headers of origins) {
      const created = await rawRequest(stack.url, 'POST', '/rooms', { ...cookie(), ...headers, 'content-type': 'application/json' }, body);
      expect(created.status, created.text).toBe(201);
      const roomId = (JSON.parse(created.text) as { id: string }).id;
      const added = await rawRequest(
        stack.url,
        'POST',
        `/rooms/${roomId}/members`,
        { ...cookie(), ...headers, 'content-type': 'application/json' },
        JSON.stringify({ userId: stranger.id, owner: false, historyCleared: false }),
      );
      expect(added.status, added.text).toBe(201);
      expect(await members(roomId)).toContain(stranger.id);
    }
    const read = await rawRequest(stack.url, 'GET', '/rooms', { ...cookie(), origin: EVIL });
    expect(read.status).toBe(200);
    expect(read.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('are refused JSON state changes from a page on a foreign origin', async () => {
    const others = [await user(), await user()];
    for (const o of others) await o.api.get('/users/capabilities');
    const body = JSON.stringify({ type: 'group', name: 'Foreign', membersIds: others.map((o) => o.id) });
    expectEnvelope(
      await rawRequest(stack.url, 'POST', '/rooms', { ...cookie(), origin: EVIL, 'content-type': 'application/json' }, body),
      403,
      'chats',
      /evil\.example/,
    );
    expectEnvelope(
      await rawRequest(stack.url, 'POST', '/rooms', { ...cookie(), origin: 'null', 'content-type': 'application/json' }, body),
      403,
      'chats',
    );
    const rooms = await victim.api.get<Array<{ name: string }>>('/rooms');
    expect(rooms.body.map((r) => r.name)).not.toContain('Foreign');
  });

  it('bearer tokens are not subject to the cookie rules', async () => {
    const answer = await rawRequest(
      stack.url,
      'POST',
      '/api/v0/resource/create',
      { authorization: `Bearer ${victim.token}`, origin: EVIL, 'content-type': 'application/json' },
      JSON.stringify({ resource: { title: 'bearer from anywhere' } }),
    );
    expect(answer.status, answer.text).toBe(200);
  });
});
