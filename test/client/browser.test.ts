import { build } from 'esbuild';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../scripts/lib/paths.js';
import type * as ClientModule from '../../shared/client/index.js';
import { HttpClient } from '../../shared/client/index.js';
import { launchChromium, type HeadlessBrowser } from '../helpers/browser.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';
import { servePage, type PageServer } from './page-server.js';

/** What the page keeps on `window`: the bundled client module and what the app saw. */
interface PageGlobals {
  zm: typeof ClientModule;
  app: { events: Array<{ title: string; position?: number }>; states: string[]; unrecoverable: string[] };
}

const PAGE = `<!doctype html><meta charset="utf-8"><title>client</title>
<script type="module">
  import * as zm from '/client.js';
  window.zm = zm;
  window.app = { events: [], states: [], unrecoverable: [] };
</script>`;

let stack: TestStack;
let server: PageServer;
let chromium: HeadlessBrowser;
let page: Page;
let user: { id: string; token: string };

beforeAll(async () => {
  const bundled = await build({
    entryPoints: [join(repoRoot, 'shared/client/index.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const bundle = bundled.outputFiles[0].text;
  expect(bundle).not.toMatch(/require\("ws"\)|from "ws"/);
  stack = await startTestStack();
  user = await stack.user({ name: 'Browser user' });
  server = await servePage(PAGE, bundle, stack.url);
  chromium = await launchChromium();
  page = await chromium.browser.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => 'zm' in window);
});

afterAll(async () => {
  await chromium?.close();
  await server?.close();
  await stack?.stop();
});

const seen = (title: string) =>
  page.waitForFunction((t) => (window as unknown as PageGlobals).app.events.some((e) => e.title === t), title, { timeout: 20_000 });

describe('the client in headless Chromium', () => {
  it('calls over HTTP and the socket, receives events, survives a relay restart and recovers what it missed', async () => {
    const first = await page.evaluate(async (token) => {
      const { zm, app } = window as unknown as PageGlobals;
      const { http, realtime } = zm.createClient({
        baseUrl: location.origin,
        token,
        realtime: { reconnect: { initialDelayMs: 50, maxDelayMs: 400 } },
      });
      realtime.on('sortingTable:addResources', (payload, meta) =>
        app.events.push({ title: payload.resources[0].title ?? '', position: meta.position }),
      );
      realtime.onStateChange((state) => app.states.push(state));
      realtime.onUnrecoverable((channel) => app.unrecoverable.push(channel));
      const me = await realtime.connect();
      const created = await http.call('resource.createMetadata', { resource: { title: 'from the browser' } });
      const read = await realtime.call('resource:get', { resource: created.id });
      const failure = await realtime
        .call('resource:get', { resource: crypto.randomUUID() })
        .catch((err: Error & { code?: number }) => ({ name: err.name, code: err.code, message: err.message }));
      return { me, created: created.id, read: read.resource.id, failure };
    }, user.token);
    expect(first.me).toEqual({ userId: user.id });
    expect(first.read).toBe(first.created);
    expect(first.failure).toEqual({ name: 'ApiCallError', code: 404, message: 'resource not found' });
    await seen('from the browser');

    const http = new HttpClient({ baseUrl: stack.url, token: user.token });
    await stack.stack.restartRelay(async () => {
      await page.waitForFunction(() => (window as unknown as PageGlobals).app.states.includes('reconnecting'), undefined, {
        timeout: 20_000,
      });
      await http.call('resource.createMetadata', { resource: { title: 'while down 1' } });
      await http.call('resource.createMetadata', { resource: { title: 'while down 2' } });
    });
    await seen('while down 2');
    // the missed events are replayed with the authentication answer, so they can arrive before the state turns open
    await page.waitForFunction(() => (window as unknown as PageGlobals).app.states.at(-1) === 'open', undefined, { timeout: 20_000 });
    const app = await page.evaluate(() => (window as unknown as PageGlobals).app);
    expect(app.events.map((e) => e.title)).toEqual(['from the browser', 'while down 1', 'while down 2']);
    const positions = app.events.map((e) => e.position!);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(app.unrecoverable).toEqual([]);
    expect(app.states).toEqual(['connecting', 'open', 'reconnecting', 'open']);
  }, 90_000);
});
