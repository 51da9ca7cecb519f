import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/client.js';
import { tapEvents, type EventTap } from '../helpers/events.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';
import { responseProblems } from '../../shared/validation/validator.js';
import { resourceSchema } from '../../shared/resources/schema.js';
import { healthStatus } from '../../functions/system/schemas/system.js';

let stack: TestStack;
let anon: ApiClient;
let events: EventTap;

beforeAll(async () => {
  stack = await startTestStack();
  anon = new ApiClient(stack.url);
  events = await tapEvents();
});

afterAll(async () => {
  await events?.close();
  await stack?.stop();
});

describe('health (seed 003)', () => {
  it('reports every dependency healthy with live checks', async () => {
    const res = await anon.get<{ status: string; dependencies: Array<{ name: string; isHealthy: boolean }> }>('/health');
    expect(res.status).toBe(200);
    expect(responseProblems(healthStatus, res.body)).toEqual([]);
    expect(res.body.status).toBe('ok');
    expect(res.body.dependencies.map((d) => d.name).sort()).toEqual(['database', 'event_dispatcher', 'storage_service']);
    expect(res.body.dependencies.every((d) => d.isHealthy)).toBe(true);
  });

  it('is live and ready', async () => {
    expect((await anon.get('/health/live')).status).toBe(204);
    expect((await anon.get('/health/ready')).status).toBe(204);
  });
});

describe('auth', () => {
  it('GET /auth/token answers the caller token from a bearer header or the ZM_AUTH_TOKEN cookie', async () => {
    const token = await stack.token({ name: 'Ada Lovelace' });
    const bearer = await anon.as(token).get<{ zmToken: string }>('/auth/token');
    expect(bearer.status).toBe(200);
    expect(bearer.body).toEqual({ zmToken: token });
    const cookie = await anon.get<{ zmToken: string }>('/auth/token', { cookie: `other=1; ZM_AUTH_TOKEN=${token}` });
    expect(cookie.body).toEqual({ zmToken: token });
  });

  it('rejects a missing, malformed or expired token with 401 and a clear message', async () => {
    const missing = await anon.get<{ traceId: string; message: string }>('/auth/token');
    expect(missing.status).toBe(401);
    expect(missing.body.message).toMatch(/missing token/);
    expect(missing.body.traceId).toEqual(expect.any(String));

    const malformed = await anon.as('not-a-jwt').get<{ message: string }>('/auth/token');
    expect(malformed.status).toBe(401);
    expect(malformed.body.message).toMatch(/malformed|signature/);

    const expired = await anon.as(await stack.token({ ttl: -60 })).get<{ message: string }>('/auth/token');
    expect(expired.status).toBe(401);
    expect(expired.body.message).toMatch(/expired/);
  });
});

describe('resource slice (seed 000)', () => {
  it('creates over REST and reads it back over /ops and the deprecated JSON-RPC', async () => {
    const owner = await stack.user({ name: 'Owner' });
    const api = anon.as(owner.token);
    const created = await api.post<Record<string, unknown>>('/api/v0/resource/create', {
      resource: { title: 'Floor plan', description: 'Level 2', customParams: { color: 'red' } },
      addToSortingTable: true,
    });
    expect(created.status).toBe(200);
    expect(responseProblems(resourceSchema, created.body)).toEqual([]);
    expect(created.body).toMatchObject({
      title: 'Floor plan',
      description: 'Level 2',
      belonging: `userSortingTable:${owner.id}`,
      status: 'pending',
      totalReactions: 0,
      customParams: { color: 'red' },
    });
    expect(created.body).not.toHaveProperty('ownerId');
    expect(created.body.upload).toMatchObject({ method: 'PUT', objectPath: `originals/${created.body.id}` });
    const { upload: _upload, ...resource } = created.body;
    const id = created.body.id as string;

    const viaOps = await api.ops<{ resource: Record<string, unknown> }>('resource:get', { resource: id });
    expect(viaOps.status).toBe(200);
    expect(viaOps.body.error).toEqual({ status: false, code: 0, message: '' });
    expect(viaOps.body.data.resource).toEqual(resource);

    const viaRpc = await anon.post<{ data: { resource: Record<string, unknown> }; error: unknown }>(
      '/api/v0/rpc/resource.info',
      { resourceId: id },
      { 'x-session-id': owner.token },
    );
    expect(viaRpc.status).toBe(200);
    expect(viaRpc.body.data.resource).toEqual(resource);
    expect(viaRpc.body.error).toEqual({ status: false, code: 0, message: '' });
  });

  it('creates over /ops and publishes the sorting table event on the owner channel', async () => {
    const owner = await stack.user();
    const res = await anon
      .as(owner.token)
      .ops<{ resource: { id: string; belonging: string } }>('resource:create', { resource: { title: 'Ops made' } });
    expect(res.status).toBe(200);
    expect(res.body.data.resource.belonging).toBe(`userSortingTable:${owner.id}`);
    const event = await events.next((e) => e.endpoint === 'sortingTable:addResources' && e.channel === `user:${owner.id}`);
    expect((event.data as { resources: Array<{ id: string }> }).resources[0].id).toBe(res.body.data.resource.id);
  });

  it('answers 404 to another user, on every binding, as if the resource did not exist', async () => {
    const owner = await stack.user();
    const stranger = await stack.user();
    const created = await anon.as(owner.token).post<{ id: string }>('/api/v0/resource/create', { resource: { title: 'Private' } });
    const missing = randomUUID();
    for (const id of [created.body.id, missing]) {
      const ops = await anon.as(stranger.token).ops('resource:get', { resource: id });
      expect(ops.status).toBe(404);
      expect(ops.body.error).toEqual({ status: true, code: 404, message: 'resource not found' });
      const rpc = await anon.post<{ error: unknown }>('/api/v0/rpc/resource.info', { resourceId: id }, { 'x-session-id': stranger.token });
      expect(rpc.status).toBe(404);
      expect(rpc.body.error).toEqual({ status: true, code: 404, message: 'resource not found' });
    }
  });

  it('rejects bad input with a 400 naming the field, and writes nothing', async () => {
    const owner = await stack.user();
    const api = anon.as(owner.token);
    const bad = await api.post<{ error: { code: number; message: string } }>('/api/v0/resource/create', { resource: { title: 5 } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/resource\.title/);
    const badId = await api.ops('resource:get', { resource: 'not-a-uuid' });
    expect(badId.status).toBe(400);
    expect(badId.body.error.message).toMatch(/^resource /);
    const unknown = await api.post<{ error: { message: string } }>('/api/v0/resource/create', { belonging: 'nowhere:abc' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/belonging type "nowhere" is unknown/);
    const table = await api.ops<{ content: unknown[] }>('resource:get', { resource: randomUUID() });
    expect(table.status).toBe(404);
  });
});

describe('generated documents', () => {
  it('serves OpenAPI 3.1 with every HTTP and JSON-RPC binding, and AsyncAPI with WebSocket methods and events', async () => {
    const openapi = await anon.get<{ openapi: string; paths: Record<string, Record<string, unknown>> }>('/openapi.json');
    expect(openapi.status).toBe(200);
    expect(openapi.body.openapi).toBe('3.1.0');
    expect(Object.keys(openapi.body.paths)).toEqual(
      expect.arrayContaining(['/health', '/auth/token', '/api/v0/resource/create', '/api/v0/rpc/resource.info']),
    );
    expect(openapi.body.paths['/api/v0/resource/create']).toHaveProperty('post');
    const asyncapi = await anon.get<{ asyncapi: string; operations: Record<string, { action: string }> }>('/asyncapi.json');
    expect(asyncapi.body.asyncapi).toBe('3.0.0');
    expect(asyncapi.body.operations['resource_get'].action).toBe('receive');
    expect(asyncapi.body.operations['event.resource_updated'].action).toBe('send');
    const page = await anon.get('/docs');
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(String(page.body)).toContain('resource:create');
  });
});
