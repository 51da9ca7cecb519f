import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, type HeadlessBrowser } from '../helpers/browser.js';
import { ApiClient } from '../helpers/client.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';

let stack: TestStack;
let chromium: HeadlessBrowser;
let page: Page;
/** every request the page made: the docs must load nothing from outside this origin */
const requested: string[] = [];

beforeAll(async () => {
  stack = await startTestStack();
  chromium = await launchChromium();
  page = await chromium.browser.newPage();
  page.on('request', (request) => requested.push(request.url()));
}, 120_000);

afterAll(async () => {
  await chromium?.close();
  await stack?.stop();
});

describe('/docs in a browser', () => {
  it('leads from the getting-started page to the HTTP reference, finds an operation and runs it with a pasted token', async () => {
    const user = await stack.user({ name: 'Ada Lovelace' });
    // the profile is made on first use
    expect((await new ApiClient(stack.url, user.token).get('/auth/token')).status).toBe(200);

    await page.goto(`${stack.url}/docs`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Getting started');
    expect(await page.locator('main').textContent()).toContain('npm run --silent token');
    await page.getByRole('link', { name: 'HTTP and JSON-RPC reference' }).first().click();
    await page.waitForURL(`${stack.url}/docs/http`);
    await page.locator('.opblock').first().waitFor({ timeout: 60_000 });

    // search (paths, operationIds, summaries): only matching operations stay
    expect(await page.locator('.opblock').count()).toBeGreaterThan(50);
    await page.locator('.operation-filter-input').fill('users/{userId} returns a user');
    const target = page.locator('#operations-chats-users-getUser');
    await target.waitFor();
    await expect.poll(() => page.locator('.opblock').count()).toBeLessThanOrEqual(3);

    // bearer auth with the pasted token
    await page.locator('.auth-wrapper .authorize').click();
    const bearer = page.locator('.auth-container').filter({ hasText: 'bearer' }).first();
    await bearer.locator('input').fill(user.token);
    await bearer.locator('button.authorize').click();
    await page.locator('.auth-btn-wrapper .btn-done').first().click();

    // try it against the running stack
    await target.locator('.opblock-summary').click();
    await target.locator('.try-out__btn').click();
    await target.locator('input[placeholder="userId"]').fill(user.id);
    await target.locator('.execute').click();
    const live = target.locator('.live-responses-table .response');
    await live.first().waitFor({ timeout: 30_000 });
    expect((await live.locator('.response-col_status').first().textContent())?.trim()).toBe('200');
    const shown = await live.locator('.response-col_description').first().textContent();
    expect(shown).toContain('Ada Lovelace');
    expect(shown).toContain(user.id);
    expect(await target.locator('.request-url').textContent()).toContain(`${stack.url}/users/${user.id}`);
  }, 180_000);

  it('renders the WebSocket reference from /asyncapi.json', async () => {
    await page.goto(`${stack.url}/docs/websocket`);
    // the component parses and validates the whole document in the page: slow on a loaded machine
    await page
      .locator('#reference')
      .getByText('Rooms, chats and content WebSocket API')
      .first()
      .waitFor({ state: 'attached', timeout: 500_000 });
    const text = await page.locator('#reference').textContent();
    expect(text).toContain('resource:get');
    expect(text).toContain('resource:updated');
  }, 600_000);

  it('loads every script and style from this origin', () => {
    const origin = new URL(stack.url).origin;
    const foreign = requested.filter((url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'));
    expect(foreign).toEqual([]);
    expect(requested.some((url) => url.endsWith('/docs/assets/swagger-ui-bundle.js'))).toBe(true);
  });
});
