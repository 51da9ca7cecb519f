import type { ClientResource } from './support/client.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FakeHandler } from '../helpers/fake-upstream.js';
import { json, PREFIX, query, send } from './support/fake-partners.js';
import { startIntegrationsStack, type IntegrationsStack, type IntegrationsUser } from './support/stack.js';

/** Pins as Pinterest API v5 answers them. */
const cdnPin = {
  id: '813744226420796762',
  created_at: '2022-03-01T10:00:00',
  link: 'https://www.example-recipes.com/lemon-tart',
  title: 'Lemon tart',
  description: 'A sharp lemon tart with a buttery crust.',
  alt_text: null,
  board_owner: { username: 'bakerbee' },
  media: {
    media_type: 'image',
    images: {
      '150x150': { width: 150, height: 150, url: 'https://i.pinimg.com/150x150/ab/cd/ef/abcdef.jpg' },
      '400x300': { width: 400, height: 300, url: 'https://i.pinimg.com/400x300/ab/cd/ef/abcdef.jpg' },
      '600x': { width: 600, height: 900, url: 'https://i.pinimg.com/600x/ab/cd/ef/abcdef.jpg' },
      '1200x': { width: 1200, height: 1800, url: 'https://i.pinimg.com/1200x/ab/cd/ef/abcdef.jpg' },
    },
  },
};

const offCdnPin = {
  id: '42',
  link: null,
  title: '',
  description: 'Sketch',
  board_owner: { username: 'drawer' },
  media: {
    media_type: 'image',
    images: {
      '150x150': { width: 150, height: 150, url: 'https://images.example.org/sketch-150.png' },
      '600x': { width: 500, height: 250, url: 'https://images.example.org/sketch-600.png' },
    },
  },
};

const pins: Record<string, unknown> = { [cdnPin.id]: cdnPin, [offCdnPin.id]: offCdnPin };

const pinterest: Record<string, FakeHandler> = {
  [`GET ${PREFIX.pinterest}/v5/search/partner/pins`]: (req, res) => {
    if (req.headers.authorization !== 'Bearer pinterest-test-token') return json(res, 401, { code: 2, message: 'Authentication failed.' });
    json(res, 200, { items: [cdnPin, offCdnPin], bookmark: 'next-page' });
  },
  [`GET ${PREFIX.pinterest}/v5/pins/*`]: (req, res) => {
    const id = decodeURIComponent((req.url ?? '').split('/v5/pins/')[1].split('?')[0]);
    const pin = pins[id];
    if (!pin) return json(res, 404, { code: 3, message: 'Pin not found.' });
    json(res, 200, pin);
  },
};

const pixabayHit = {
  id: 195893,
  pageURL: 'https://pixabay.example/en/blossom-bloom-flower-195893/',
  type: 'photo',
  tags: 'blossom, bloom, flower',
  previewURL: 'https://cdn.pixabay.example/photo/2013/10/15/09/12/flower-195893_150.jpg',
  previewWidth: 150,
  previewHeight: 84,
  webformatURL: 'https://pixabay.example/get/35bbf209e13e39d2_640.jpg',
  webformatWidth: 640,
  webformatHeight: 360,
  largeImageURL: 'https://pixabay.example/get/ed6a99fd0a76647_1280.jpg',
  imageWidth: 4000,
  imageHeight: 2250,
  imageSize: 4731420,
  views: 7671,
  downloads: 6439,
  collections: 1200,
  likes: 5,
  comments: 2,
  user_id: 48777,
  user: 'Josch13',
  userImageURL: 'https://cdn.pixabay.example/user/2013/11/05/02-10-23-764_250x250.jpg',
};

let env: IntegrationsStack;
let alice: IntegrationsUser;

beforeAll(async () => {
  env = await startIntegrationsStack();
  alice = await env.user();
});
afterAll(() => env?.stop());
beforeEach(() => {
  for (const [route, handler] of Object.entries(pinterest)) env.partners.on(route, handler);
  env.partners.on(`GET ${PREFIX.pixabay}`, (req, res) => {
    const q = query(req);
    if (q.get('key') !== 'pixabay-test-key') {
      return send(res, 400, 'text/plain', '[ERROR 400] Invalid or missing API key (https://pixabay.example/api/docs/).');
    }
    json(res, 200, { total: 4692, totalHits: 500, hits: [pixabayHit] });
  });
  process.env.PINTEREST_TOKEN = 'pinterest-test-token';
  process.env.PIXABAY_API_KEY = 'pixabay-test-key';
});

describe('pinterest:search', () => {
  it('answers pins with the 736x/474x/236x/orig image set derived from the v5 images and rich_summary', async () => {
    const answer = await alice.api.call<{ results: Array<Record<string, unknown>> }>('pinterest:search', { keywords: ['lemon', 'tart'] });
    expect(answer.status).toBe(200);
    expect(answer.data.results).toEqual([
      {
        id: cdnPin.id,
        type: 'pin',
        title: 'Lemon tart',
        link: cdnPin.link,
        description: cdnPin.description,
        images: {
          '236x': { url: 'https://i.pinimg.com/236x/ab/cd/ef/abcdef.jpg', width: 236, height: 354 },
          '474x': { url: 'https://i.pinimg.com/474x/ab/cd/ef/abcdef.jpg', width: 474, height: 711 },
          '736x': { url: 'https://i.pinimg.com/736x/ab/cd/ef/abcdef.jpg', width: 736, height: 1104 },
          orig: { url: 'https://i.pinimg.com/originals/ab/cd/ef/abcdef.jpg', width: 1200, height: 1800 },
        },
        rich_summary: { display_name: 'example-recipes.com' },
      },
      {
        id: '42',
        type: 'pin',
        title: '',
        link: '',
        description: 'Sketch',
        images: {
          '236x': offCdnPin.media.images['600x'],
          '474x': offCdnPin.media.images['600x'],
          '736x': offCdnPin.media.images['600x'],
          orig: offCdnPin.media.images['600x'],
        },
        rich_summary: { display_name: 'drawer' },
      },
    ]);
    const sent = query(env.partners.requests(`${PREFIX.pinterest}/v5/search`).at(-1)!);
    expect(sent.get('term')).toBe('lemon tart');
    expect(sent.get('country_code')).toBe('US');
  });

  it('answers 503 when Pinterest refuses the token and 400 without keywords', async () => {
    process.env.PINTEREST_TOKEN = 'revoked';
    const refused = await alice.api.call('pinterest:search', { keywords: ['lemon'] });
    expect(refused.status).toBe(503);
    expect(refused.error.message).toMatch(/Pinterest refused this server's credentials/);
    expect((await alice.api.call('pinterest:search', { keywords: [] })).status).toBe(400);
    expect((await alice.api.call('pinterest:search', {})).status).toBe(400);
    expect((await alice.api.call('pinterest:search', { keywords: ['   '] })).status).toBe(400);
  });
});

describe('pinterest:info', () => {
  it('answers one pin, and 404 for a pin Pinterest does not know', async () => {
    const found = await alice.api.call<{ result: { id: string; images: Record<string, unknown> } }>('pinterest:info', { id: cdnPin.id });
    expect(found.status).toBe(200);
    expect(found.data.result.id).toBe(cdnPin.id);
    expect(Object.keys(found.data.result.images).sort()).toEqual(['236x', '474x', '736x', 'orig']);
    const missing = await alice.api.call('pinterest:info', { id: '999' });
    expect(missing.status).toBe(404);
    expect(missing.error.message).toBe('pin not found');
    expect((await alice.api.call('pinterest:info', { id: '../admin' })).status).toBe(400);
  });
});

describe('resource:createPinterest', () => {
  it('creates a resource with data.pinterest { pin, url } and the pin image as thumbnail', async () => {
    const answer = await alice.api.call<{ resource: ClientResource }>('resource:createPinterest', {
      pin: cdnPin.id,
      addToSortingTable: true,
    });
    expect(answer.status).toBe(200);
    const pinUrl = `https://www.pinterest.com/pin/${cdnPin.id}/`;
    expect(answer.data.resource).toMatchObject({
      title: 'Lemon tart',
      description: cdnPin.description,
      belonging: `userSortingTable:${alice.id}`,
      status: 'ready',
      metadata: { contentType: 'roomful#pinterest', link: pinUrl, dimensions: { width: 1200, height: 1800 } },
      data: { pinterest: { pin: cdnPin.id, url: pinUrl }, thumbnailUrl: 'https://i.pinimg.com/originals/ab/cd/ef/abcdef.jpg' },
    });
    expect(answer.data.resource.thumbnail).toMatch(new RegExp(`/api/v0/resource/thumbnail/pinterest/${cdnPin.id}$`));
    const read = await alice.api.call<{ resource: unknown }>('resource:get', { resource: answer.data.resource.id });
    expect(read.data.resource).toEqual(answer.data.resource);
  });

  it('answers 404 for an unknown pin and creates nothing', async () => {
    const answer = await alice.api.call('resource:createPinterest', { pin: '31337' });
    expect(answer.status).toBe(404);
  });
});

describe('pixabay:search', () => {
  it("answers Pixabay's shape with the seed's hit fields", async () => {
    const answer = await alice.api.call<{ total: number; totalHits: number; hits: unknown[] }>('pixabay:search', { q: 'yellow flowers' });
    expect(answer.status).toBe(200);
    const { collections, ...seedFields } = pixabayHit;
    expect(collections).toBeDefined();
    expect(answer.data).toEqual({ total: 4692, totalHits: 500, hits: [seedFields] });
    expect(query(env.partners.requests(PREFIX.pixabay).at(-1)!).get('q')).toBe('yellow flowers');
  });

  it('answers 503 when Pixabay refuses the key, 400 for a query Pixabay would refuse', async () => {
    process.env.PIXABAY_API_KEY = 'wrong';
    const refused = await alice.api.call('pixabay:search', { q: 'flowers' });
    expect(refused.status).toBe(503);
    expect(refused.error.message).toMatch(/Pixabay refused/);
    process.env.PIXABAY_API_KEY = 'pixabay-test-key';
    const long = await alice.api.call('pixabay:search', { q: 'x'.repeat(101) });
    expect(long.status).toBe(400);
    expect(long.error.message).toMatch(/q must NOT have more than 100 characters/);
  });

  it('answers 503 when Pixabay does not answer in time', async () => {
    process.env.OUTBOUND_TIMEOUT_MS = '300';
    env.partners.on(`GET ${PREFIX.pixabay}`, () => undefined);
    try {
      const slow = await alice.api.call('pixabay:search', { q: 'flowers' });
      expect(slow.status).toBe(503);
      expect(slow.error.message).toBe('Pixabay is unavailable (no answer in time)');
    } finally {
      delete process.env.OUTBOUND_TIMEOUT_MS;
    }
  });
});
