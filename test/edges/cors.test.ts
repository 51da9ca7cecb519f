import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployables } from '../../functions/manifest.js';
import { closeServers } from '../../scripts/lib/function-host.js';
import { launchChromium, type HeadlessBrowser } from '../helpers/browser.js';
import { ApiClient } from '../helpers/client.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';
import { rawRequest } from './support.js';

let stack: TestStack;
let browser: HeadlessBrowser;
let pages: Server;
let allowed: string;
let other: string;
let me: { id: string; token: string; api: ApiClient };
let resourceId: string;

beforeAll(async () => {
  stack = await startTestStack({
    deployables: deployables.filter((d) => ['resources', 'resource-content', 'chats-attachments'].includes(d.name)),
  });
  const { id, token } = await stack.user();
  me = { id, token, api: new ApiClient(stack.url, token) };
  const created = await me.api.post<{ id: string }>('/api/v0/resource/create', { resource: { title: 'Ranged' } });
  resourceId = created.body.id;
  expect(
    (
      await me.api.request('PUT', `/api/v0/resource/${resourceId}/content`, Buffer.from('0123456789'), {
        'content-type': 'application/octet-stream',
      })
    ).status,
  ).toBe(200);
  // one page server, two origins: 127.0.0.1 is allowed, localhost is not
  pages = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>client</title>'));
  await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', resolve));
  const { port } = pages.address() as AddressInfo;
  allowed = `http://127.0.0.1:${port}`;
  other = `http://localhost:${port}`;
  process.env.CORS_ALLOWED_ORIGINS = `http://localhost:5173, ${allowed}`;
  browser = await launchChromium();
});

afterAll(async () => {
  delete process.env.CORS_ALLOWED_ORIGINS;
  await browser?.close();
  if (pages) await closeServers([pages]);
  await stack?.stop();
});

interface PageResult {
  ok: boolean;
  status?: number;
  body?: unknown;
  contentRange?: string | null;
  error?: string;
}

async function fromPage(
  origin: string,
  script: (args: { api: string; token: string; resourceId: string }) => Promise<PageResult>,
): Promise<PageResult> {
  const page = await browser.browser.newPage();
  try {
    await page.goto(`${origin}/`);
    return await page.evaluate(script, { api: stack.url, token: me.token, resourceId });
  } finally {
    await page.close();
  }
}

const createFromPage = async ({ api, token }: { api: string; token: string }): Promise<PageResult> => {
  try {
    const res = await fetch(`${api}/api/v0/resource/create`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ resource: { title: `from ${location.origin}` } }),
    });
    return { ok: true, status: res.status, body: await res.json() };
  } catch (err) {
    return { ok: false, error: String(err) };
  }
};

async function titles(): Promise<string[]> {
  const answer = await me.api.ops<{ resources: { title: string }[] }>('resource:searchBelonging', {
    belonging: `userSortingTable:${me.id}`,
    limit: 100,
  });
  return answer.body.data.resources.map((r) => r.title);
}

describe('in Chromium', () => {
  it('a page on an allowed origin calls the API with a bearer token and reads the answers', async () => {
    const created = await fromPage(allowed, createFromPage);
    expect(created, created.error).toMatchObject({ ok: true, status: 200, body: { title: `from ${allowed}` } });
    const ranged = await fromPage(allowed, async ({ api, token, resourceId }) => {
      try {
        const res = await fetch(`${api}/api/v0/resource/proxy/${resourceId}`, {
          headers: { authorization: `Bearer ${token}`, range: 'bytes=2-4' },
        });
        return { ok: true, status: res.status, body: await res.text(), contentRange: res.headers.get('content-range') };
      } catch (err) {
        return { ok: false, error: String(err) };
      }
    });
    expect(ranged).toMatchObject({ ok: true, status: 206, body: '234', contentRange: 'bytes 2-4/10' });
  });

  it('a page on another origin is blocked: its fetch rejects and nothing is written', async () => {
    const blocked = await fromPage(other, createFromPage);
    expect(blocked.ok).toBe(false);
    expect(blocked.error).toMatch(/TypeError/);
    expect(await titles()).not.toContain(`from ${other}`);
  });
});

describe('preflights', () => {
  const preflight = (base: string, path: string, origin: string, method = 'POST', headers = 'authorization, content-type') =>
    rawRequest(base, 'OPTIONS', path, { origin, 'access-control-request-method': method, 'access-control-request-headers': headers });

  it('are answered by the gateway and by each function, for allowed origins only', async () => {
    const chats = stack.stack.functions.find((f) => f.deployable.name === 'chats-attachments')!;
    for (const base of [stack.url, chats.url]) {
      const ok = await preflight(
        base,
        '/rooms/00000000-0000-4000-8000-000000000000/attachments',
        allowed,
        'POST',
        'authorization, filename, mimetype, description',
      );
      expect(ok.status).toBe(204);
      expect(ok.headers['access-control-allow-origin']).toBe(allowed);
      expect(ok.headers['access-control-allow-credentials']).toBe('true');
      expect(String(ok.headers['access-control-allow-methods'])).toMatch(/POST/);
      for (const header of ['authorization', 'content-type', 'x-session-id', 'range', 'filename', 'mimetype', 'description', 'messageid']) {
        expect(String(ok.headers['access-control-allow-headers'])).toContain(header);
      }
      expect(String(ok.headers.vary)).toMatch(/Origin/);

      const refused = await preflight(base, '/rooms/00000000-0000-4000-8000-000000000000/attachments', other);
      expect(refused.status).toBe(204);
      expect(refused.headers['access-control-allow-origin']).toBeUndefined();
      expect(refused.headers['access-control-allow-credentials']).toBeUndefined();
      expect(String(refused.headers.vary)).toMatch(/Origin/);
    }
    expect((await preflight(stack.url, '/ops/resource:get', allowed)).headers['access-control-allow-origin']).toBe(allowed);
    expect((await preflight(stack.url, '/nowhere', allowed)).status).toBe(404);
  });

  it('name exactly the methods bound at the path', async () => {
    const answer = await preflight(stack.url, `/api/v0/resource/${resourceId}/content`, allowed, 'PUT');
    expect(String(answer.headers['access-control-allow-methods']).split(/,\s*/).sort()).toEqual(['OPTIONS', 'PUT']);
  });
});

describe('answers', () => {
  it('carry Vary: Origin everywhere, and credentials and exposed headers only for allowed origins', async () => {
    const headers = { authorization: `Bearer ${me.token}`, origin: allowed };
    const good = await rawRequest(stack.url, 'GET', `/api/v0/resource/proxy/${resourceId}`, { ...headers, range: 'bytes=0-1' });
    expect(good.status).toBe(206);
    expect(good.headers['access-control-allow-origin']).toBe(allowed);
    expect(good.headers['access-control-allow-credentials']).toBe('true');
    for (const name of ['ETag', 'Content-Range', 'Location', 'Content-Disposition'])
      expect(String(good.headers['access-control-expose-headers'])).toContain(name);
    expect(String(good.headers.vary)).toMatch(/Origin/);

    const redirect = await rawRequest(stack.url, 'GET', `/api/v0/resource/${resourceId}`, headers);
    expect(redirect.status).toBe(302);
    expect(String(redirect.headers.vary)).toMatch(/Origin/);

    const error = await rawRequest(
      stack.url,
      'POST',
      '/api/v0/resource/create',
      { ...headers, 'content-type': 'application/json' },
      '{broken',
    );
    expect(error.status).toBe(400);
    expect(error.headers['access-control-allow-origin']).toBe(allowed);
    expect(String(error.headers.vary)).toMatch(/Origin/);

    const gatewayMiss = await rawRequest(stack.url, 'GET', '/nowhere', { origin: allowed });
    expect(gatewayMiss.status).toBe(404);
    expect(gatewayMiss.headers['access-control-allow-origin']).toBe(allowed);

    const foreign = await rawRequest(stack.url, 'GET', `/api/v0/resource/proxy/${resourceId}`, {
      authorization: `Bearer ${me.token}`,
      origin: other,
    });
    expect(foreign.status).toBe(200);
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
    expect(String(foreign.headers.vary)).toMatch(/Origin/);
  });
});
