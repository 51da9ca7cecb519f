import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bucket } from '../../shared/gcp/clients.js';
import { startFakeUpstream, type FakeUpstream } from '../helpers/fake-upstream.js';
import { decoded, jpeg, onePixelGif, transparentPng } from './support/images.js';
import { json, PREFIX, query, send } from './support/fake-partners.js';
import { startIntegrationsStack, type IntegrationsStack, type IntegrationsUser } from './support/stack.js';

let env: IntegrationsStack;
let alice: IntegrationsUser;
let internal: FakeUpstream;

const VIDEO = 'dQw4w9WgXcQ';

beforeAll(async () => {
  env = await startIntegrationsStack();
  alice = await env.user();
  internal = await startFakeUpstream((_req, res) => send(res, 200, 'text/plain', 'internal'));
  const base = env.partners.url;
  const [video, product, poster, pin, cover] = await Promise.all([
    jpeg(1280, 720),
    jpeg(500, 800),
    jpeg(300, 444),
    transparentPng(600, 900),
    jpeg(1600, 900),
  ]);
  const pixel = await onePixelGif();

  env.partners.on(`GET ${PREFIX.youtube}/vi/*`, (req, res) => {
    const id = (req.url ?? '').split('/')[3];
    if (id === VIDEO) return send(res, 200, 'image/jpeg', video);
    if (id === 'htmlinstead') return send(res, 200, 'text/html', '<html>not an image</html>');
    if (id === 'serverbroke') return send(res, 500, 'text/plain', 'oops');
    send(res, 404, 'image/jpeg', product);
  });
  env.partners.on(`GET ${PREFIX.amazon}*`, (req, res) => {
    if ((req.url ?? '').endsWith('/B000000001.01.LZZZZZZZ.jpg')) return send(res, 200, 'image/jpeg', product);
    send(res, 200, 'image/gif', pixel);
  });
  env.partners.on(`GET ${PREFIX.omdb}/`, (req, res) => {
    const id = query(req).get('i');
    if (id === 'tt0133093')
      return json(res, 200, { Title: 'The Matrix', imdbID: id, Poster: `${base}/posters/matrix.jpg`, Response: 'True' });
    if (id === 'tt0234215') return json(res, 200, { Title: 'The Matrix Reloaded', imdbID: id, Poster: 'N/A', Response: 'True' });
    json(res, 200, { Response: 'False', Error: 'Incorrect IMDb ID.' });
  });
  env.partners.on('GET /posters/matrix.jpg', (_req, res) => send(res, 200, 'image/jpeg', poster));
  env.partners.on(`GET ${PREFIX.pinterest}/v5/pins/*`, (req, res) => {
    if (!(req.url ?? '').includes('/v5/pins/123')) return json(res, 404, { code: 3, message: 'Pin not found.' });
    json(res, 200, {
      id: '123',
      title: 'Red',
      media: { images: { '1200x': { width: 600, height: 900, url: `${base}/pinimg/1200x/aa/bb/pin.png` } } },
    });
  });
  env.partners.on('GET /pinimg/originals/aa/bb/pin.png', (_req, res) => send(res, 200, 'image/png', pin));
  env.partners.on('GET /web/article', (_req, res) =>
    send(
      res,
      200,
      'text/html',
      '<html><head><title>A</title><meta property="og:image" content="/web/cover.jpg"></head><body></body></html>',
    ),
  );
  env.partners.on('GET /web/cover.jpg', (_req, res) => send(res, 200, 'image/jpeg', cover));
  env.partners.on('GET /web/bare', (_req, res) => send(res, 200, 'text/html', '<html><head><title>Bare</title></head></html>'));
});
afterAll(async () => {
  await internal?.close();
  await env?.stop();
});

const get = (path: string, headers: Record<string, string> = {}) => alice.api.get<Buffer>(path, headers);

describe('partner thumbnails', () => {
  it('serves the YouTube thumbnail at 512, cached in Storage, so the partner is asked once', async () => {
    const path = `/api/v0/resource/thumbnail/youtube/${VIDEO}`;
    const first = await get(path, { accept: 'image/jpeg' });
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('image/jpeg');
    expect(first.headers.get('vary')).toBe('Origin, Accept');
    expect(first.headers.get('cache-control')).toBe('public, max-age=604800');
    expect(await decoded(first.body)).toMatchObject({ format: 'jpeg', width: 512, height: 288 });

    const again = await get(path, { accept: 'image/jpeg' });
    expect(again.status).toBe(200);
    expect(Buffer.compare(again.body, first.body)).toBe(0);
    const webp = await get(path, { accept: 'image/webp,image/*' });
    expect(webp.headers.get('content-type')).toBe('image/webp');
    expect(await decoded(webp.body)).toMatchObject({ format: 'webp', width: 512, height: 288 });
    const small = await get(`${path}?size=100`);
    expect(await decoded(small.body)).toMatchObject({ format: 'jpeg', width: 128, height: 72 });

    expect(env.partners.requests(`${PREFIX.youtube}/vi/${VIDEO}/hqdefault.jpg`)).toHaveLength(1);
    const [objects] = await bucket().getFiles({ prefix: 'partner-thumbnails/youtube/' });
    expect(objects.map((o) => o.name.split('/').pop()).sort()).toEqual(['128.jpeg', '512.jpeg', '512.webp', 'source']);
  });

  it('revalidates with the ETag', async () => {
    const path = `/api/v0/resource/thumbnail/youtube/${VIDEO}`;
    const first = await get(path);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    const revalidated = await get(path, { 'if-none-match': etag });
    expect(revalidated.status).toBe(304);
    expect(revalidated.body.length).toBe(0);
    const otherFormat = await get(path, { 'if-none-match': etag, accept: 'image/avif' });
    expect(otherFormat.status).toBe(200);
    expect(otherFormat.headers.get('content-type')).toBe('image/avif');
  });

  it('serves the Amazon image of an ASIN, and 404 for the single-pixel placeholder Amazon gives unknown ASINs', async () => {
    const found = await get('/api/v0/resource/thumbnail/amazon/B000000001');
    expect(found.status).toBe(200);
    expect(await decoded(found.body)).toMatchObject({ format: 'jpeg', width: 320, height: 512 });
    const placeholder = await get('/api/v0/resource/thumbnail/amazon/B0000NOIMG');
    expect(placeholder.status).toBe(404);
    expect(placeholder.body).toEqual({ error: { status: true, code: 404, message: 'amazon thumbnail not found' } });
    const malformed = await get('/api/v0/resource/thumbnail/amazon/not-an-asin');
    expect(malformed.status).toBe(400);
  });

  it('serves the OMDb poster of an IMDb title, asking OMDb once, and 404 without a poster or for an unknown title', async () => {
    const first = await get('/api/v0/resource/thumbnail/imdb/tt0133093');
    expect(first.status).toBe(200);
    expect(await decoded(first.body)).toMatchObject({ width: 300, height: 444 });
    await get('/api/v0/resource/thumbnail/imdb/tt0133093?size=128');
    expect(env.partners.requests(`${PREFIX.omdb}/?`).filter((r) => r.url.includes('tt0133093'))).toHaveLength(1);
    expect(env.partners.requests('/posters/matrix.jpg')).toHaveLength(1);
    expect((await get('/api/v0/resource/thumbnail/imdb/tt0234215')).status).toBe(404);
    expect((await get('/api/v0/resource/thumbnail/imdb/tt0000001')).status).toBe(404);
  });

  it('serves the Pinterest pin image keeping its transparency (PNG, or WebP when accepted)', async () => {
    const png = await get('/api/v0/resource/thumbnail/pinterest/123?size=256');
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(await decoded(png.body)).toMatchObject({ format: 'png', width: 171, height: 256, hasAlpha: true });
    const webp = await get('/api/v0/resource/thumbnail/pinterest/123', { accept: 'image/webp' });
    expect(await decoded(webp.body)).toMatchObject({ format: 'webp', width: 341, height: 512, hasAlpha: true });
    expect((await get('/api/v0/resource/thumbnail/pinterest/999')).status).toBe(404);
  });

  it("serves a link's og:image, reading the page once", async () => {
    const path = `/api/v0/resource/thumbnail/link?url=${encodeURIComponent(`${env.partners.url}/web/article`)}`;
    const first = await get(path);
    expect(first.status).toBe(200);
    expect(await decoded(first.body)).toMatchObject({ width: 512, height: 288 });
    expect((await get(path)).status).toBe(200);
    expect(env.partners.requests('/web/article')).toHaveLength(1);
    expect(env.partners.requests('/web/cover.jpg')).toHaveLength(1);

    const bare = await get(`/api/v0/resource/thumbnail/link?url=${encodeURIComponent(`${env.partners.url}/web/bare`)}`);
    expect(bare.status).toBe(404);
  });

  // loopback aliases; private, link-local and metadata hosts are refused by the same check (shared/outbound/target.test.ts)
  it('refuses links to forbidden addresses without connecting, and URLs that are not http(s)', async () => {
    for (const url of [`${internal.url}/x.png`, 'http://127.0.0.2/latest/meta-data/', 'http://[::ffff:127.0.0.3]/logo.png']) {
      const answer = await get(`/api/v0/resource/thumbnail/link?url=${encodeURIComponent(url)}`);
      expect(answer.status, url).toBe(400);
      expect(answer.body, url).toEqual({ error: { status: true, code: 400, message: 'url points to an address that may not be fetched' } });
    }
    expect(internal.requests).toEqual([]);
    expect((await get('/api/v0/resource/thumbnail/link?url=ftp%3A%2F%2Fexample.com%2Fa.png')).status).toBe(400);
    expect((await get('/api/v0/resource/thumbnail/link')).status).toBe(400);
  });

  it('answers 422 for a partner answer that is not an image or is over the pixel limit, 503 when the partner fails', async () => {
    const html = await get('/api/v0/resource/thumbnail/youtube/htmlinstead');
    expect(html.status).toBe(422);
    expect((html.body as unknown as { error: { message: string } }).error.message).toMatch(
      /^the youtube image cannot be made into a thumbnail/,
    );

    process.env.MEDIA_MAX_PIXELS = '100000';
    try {
      const bomb = await get('/api/v0/resource/thumbnail/amazon/B000000001?size=64');
      // the ASIN's source is cached already: the limit applies when the thumbnail is made from it
      expect(bomb.status).toBe(422);
      expect((bomb.body as unknown as { error: { message: string } }).error.message).toMatch(/pixel/);
    } finally {
      delete process.env.MEDIA_MAX_PIXELS;
    }

    const broken = await get('/api/v0/resource/thumbnail/youtube/serverbroke');
    expect(broken.status).toBe(503);
    expect((await get('/api/v0/resource/thumbnail/youtube/unknownvid1')).status).toBe(404);
  });

  it('needs a signed-in caller', async () => {
    const answer = await env.anonymous.get(`/api/v0/resource/thumbnail/youtube/${VIDEO}`);
    expect(answer.status).toBe(401);
  });
});
