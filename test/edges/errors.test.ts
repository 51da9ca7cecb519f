import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployables } from '../../functions/manifest.js';
import { ApiClient } from '../helpers/client.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';
import { expectEnvelope, rawRequest } from './support.js';

let stack: TestStack;
let token: string;
let userId: string;
let api: ApiClient;
const JSON_LIMIT = 4096;

beforeAll(async () => {
  process.env.MAX_JSON_BODY_BYTES = String(JSON_LIMIT);
  stack = await startTestStack({
    deployables: deployables.filter((d) => ['system', 'resources', 'props', 'chats-rooms'].includes(d.name)),
  });
  ({ id: userId, token } = await stack.user());
  api = new ApiClient(stack.url, token);
});

afterAll(async () => {
  delete process.env.MAX_JSON_BODY_BYTES;
  await stack?.stop();
});

const bearer = () => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });

async function myResourceTitles(): Promise<string[]> {
  const answer = await api.ops<{ resources: { title: string }[] }>('resource:searchBelonging', {
    belonging: `userSortingTable:${userId}`,
    limit: 100,
  });
  expect(answer.status).toBe(200);
  return answer.body.data.resources.map((r) => r.title);
}

describe('malformed JSON', () => {
  it('answers 400 in each family envelope, never an HTML page', async () => {
    const broken = '{"resource": {"title": "x"';
    expectEnvelope(await rawRequest(stack.url, 'POST', '/api/v0/resource/create', bearer(), broken), 400, 'resource', /not valid JSON/);
    expectEnvelope(await rawRequest(stack.url, 'POST', '/rooms', bearer(), broken), 400, 'chats', /not valid JSON/);
    expectEnvelope(await rawRequest(stack.url, 'POST', '/jsonRpc/prop.getPropModel', bearer(), broken), 400, 'jsonRpc', /not valid JSON/);
    expectEnvelope(await rawRequest(stack.url, 'POST', '/ops/resource:get', bearer(), broken), 400, 'ops', /not valid JSON/);
  });

  it('answers 400 without authentication too, before anything else runs', async () => {
    expectEnvelope(
      await rawRequest(stack.url, 'POST', '/api/v0/resource/create', { 'content-type': 'application/json' }, '{oops'),
      400,
      'resource',
    );
  });
});

describe('wrong content type', () => {
  it('answers 415 for a JSON binding sent as text/plain, a form or multipart, and writes nothing', async () => {
    const body = JSON.stringify({ resource: { title: 'typed wrong' } });
    for (const type of [
      'text/plain;charset=UTF-8',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/xml',
    ]) {
      const answer = await rawRequest(
        stack.url,
        'POST',
        '/api/v0/resource/create',
        { authorization: `Bearer ${token}`, 'content-type': type },
        body,
      );
      expectEnvelope(answer, 415, 'resource', /application\/json/);
    }
    expectEnvelope(
      await rawRequest(stack.url, 'POST', '/rooms', { authorization: `Bearer ${token}`, 'content-type': 'text/plain' }, '{}'),
      415,
      'chats',
    );
    expectEnvelope(
      await rawRequest(
        stack.url,
        'POST',
        '/ops/resource:get',
        { authorization: `Bearer ${token}`, 'content-type': 'text/plain' },
        '{"data":{}}',
      ),
      415,
      'ops',
    );
    expect(await myResourceTitles()).not.toContain('typed wrong');
  });

  it('answers 415 for a JSON charset other than UTF-8 and for compressed bodies', async () => {
    expectEnvelope(
      await rawRequest(
        stack.url,
        'POST',
        '/api/v0/resource/create',
        { ...bearer(), 'content-type': 'application/json; charset=latin1' },
        '{}',
      ),
      415,
      'resource',
      /charset/,
    );
    expectEnvelope(
      await rawRequest(stack.url, 'POST', '/api/v0/resource/create', { ...bearer(), 'content-encoding': 'gzip' }, 'x'),
      415,
      'resource',
      /Content-Encoding/,
    );
  });

  it('still takes application/json with a charset and structured +json types', async () => {
    const created = await rawRequest(
      stack.url,
      'POST',
      '/api/v0/resource/create',
      { ...bearer(), 'content-type': 'application/json; charset=utf-8' },
      JSON.stringify({ resource: { title: 'charset ok' } }),
    );
    expect(created.status, created.text).toBe(200);
    expect(await myResourceTitles()).toContain('charset ok');
  });
});

describe('bad percent-encoding', () => {
  it('answers 400 through the gateway, which keeps serving', async () => {
    expectEnvelope(
      await rawRequest(stack.url, 'POST', '/ops/%E0%A4%A', { 'content-type': 'application/json' }, '{}'),
      400,
      'resource',
      /percent-encoding/,
    );
    expectEnvelope(await rawRequest(stack.url, 'POST', '/ops/%E0%A4%A', {}), 400, 'resource');
    expectEnvelope(await rawRequest(stack.url, 'GET', '/rooms/%E0%A4%A', { authorization: `Bearer ${token}` }), 400, 'chats');
    expect((await rawRequest(stack.url, 'GET', '/health/live')).status).toBe(204);
  });

  it('answers 400 at the function itself, in the relay-call envelope', async () => {
    const resources = stack.stack.functions.find((f) => f.deployable.name === 'resources')!;
    expectEnvelope(
      await rawRequest(resources.url, 'POST', '/ops/%E0%A4%A', { 'content-type': 'application/json' }, '{}'),
      400,
      'ops',
      /percent-encoding/,
    );
  });
});

describe('oversized bodies', () => {
  const big = JSON.stringify({ resource: { title: 'too big', description: 'x'.repeat(JSON_LIMIT) } });

  it('answers 413 for a declared length beyond MAX_JSON_BODY_BYTES, and writes nothing', async () => {
    expectEnvelope(
      await rawRequest(stack.url, 'POST', '/api/v0/resource/create', bearer(), big),
      413,
      'resource',
      new RegExp(String(JSON_LIMIT)),
    );
    expectEnvelope(await rawRequest(stack.url, 'POST', '/rooms', bearer(), big), 413, 'chats');
    expect(await myResourceTitles()).not.toContain('too big');
  });

  it('answers 413 for a chunked body once it passes the limit', async () => {
    expectEnvelope(await rawRequest(stack.url, 'POST', '/api/v0/resource/create', bearer(), big, true), 413, 'resource');
    expect(await myResourceTitles()).not.toContain('too big');
  });
});

describe('unknown routes', () => {
  it('answer 404 in JSON', async () => {
    expectEnvelope(await rawRequest(stack.url, 'GET', '/nothing/here'), 404, 'resource');
    const resources = stack.stack.functions.find((f) => f.deployable.name === 'resources')!;
    expectEnvelope(await rawRequest(resources.url, 'POST', '/nothing', { 'content-type': 'application/json' }, '{bad'), 400, 'resource');
  });
});
