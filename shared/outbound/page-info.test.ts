import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { routes, startFakeUpstream, type FakeUpstream } from '../../test/helpers/fake-upstream.js';
import { OutboundError } from './errors.js';
import { classifyRemoteUrl, getPageInfo } from './page-info.js';

const articleHtml = `<!doctype html>
<html><head>
  <meta charset="utf-8">
  <title>  Plain   title &amp; more </title>
  <meta name="description" content="A page about rooms.">
  <meta property="og:image" content="/images/cover.png">
  <link rel="stylesheet" href="/style.css">
  <link rel="shortcut icon" href="static/icon.png">
</head><body><p>content</p></body></html>`;

const ogHtml = `<html><head>
  <title>Document title</title>
  <meta property="og:title" content="Open Graph title">
  <meta property="og:description" content="Open Graph description">
  <meta name="description" content="plain description">
  <base href="https://cdn.example.org/assets/">
  <meta property="og:image" content="cover.jpg">
</head><body></body></html>`;

let upstream: FakeUpstream;
let bigPageBytesWritten = 0;
let bigPageClosedEarly: Promise<boolean> = Promise.resolve(false);
const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

beforeEach(async () => {
  upstream = await startFakeUpstream(
    routes({
      'GET /articles/one': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(articleHtml);
      },
      'GET /og': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(ogHtml);
      },
      'GET /latin1': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(
          Buffer.concat([
            Buffer.from('<html><head><meta charset="windows-1252"><title>Caf'),
            Buffer.from([0xe9]),
            Buffer.from('</title></head></html>'),
          ]),
        );
      },
      'GET /bare': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<html><head></head><body>nothing</body></html>');
      },
      'GET /picture': (_req, res) => {
        res.writeHead(200, { 'content-type': 'image/png' });
        res.end(png);
      },
      'GET /doc.pdf': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/pdf' });
        res.end('%PDF-1.4');
      },
      'GET /short-link': (_req, res) => {
        res.writeHead(301, { location: '/articles/one' });
        res.end();
      },
      'GET /big': (_req, res) => {
        bigPageClosedEarly = new Promise((resolve) => res.on('close', () => resolve(!res.writableFinished)));
        res.writeHead(200, { 'content-type': 'text/html' });
        res.write('<html><head><title>Big page</title></head><body>');
        const chunk = Buffer.alloc(64 * 1024, 'a');
        const pump = () => {
          while (bigPageBytesWritten < 64 * 1024 * 1024 && !res.destroyed) {
            bigPageBytesWritten += chunk.length;
            if (!res.write(chunk)) return res.once('drain', pump);
          }
          if (!res.destroyed) res.end('</body></html>');
        };
        pump();
      },
    }),
  );
  process.env.OUTBOUND_ALLOWED_HOSTS = upstream.host;
});

afterEach(async () => {
  delete process.env.OUTBOUND_ALLOWED_HOSTS;
  await upstream.close();
});

describe('getPageInfo', () => {
  it('reads title, description, og:image and the icon of an HTML page as absolute URLs', async () => {
    expect(await getPageInfo(`${upstream.url}/articles/one`)).toEqual({
      url: `${upstream.url}/articles/one`,
      contentType: 'text/html',
      isImage: false,
      title: 'Plain title & more',
      description: 'A page about rooms.',
      image: `${upstream.url}/images/cover.png`,
      favicon: `${upstream.url}/articles/static/icon.png`,
    });
  });

  it('prefers Open Graph fields and resolves against <base href>', async () => {
    const info = await getPageInfo(`${upstream.url}/og`);
    expect(info.title).toBe('Open Graph title');
    expect(info.description).toBe('Open Graph description');
    expect(info.image).toBe('https://cdn.example.org/assets/cover.jpg');
    expect(info.favicon).toBe(`${upstream.url}/favicon.ico`);
  });

  it('falls back to /favicon.ico and leaves absent fields out', async () => {
    expect(await getPageInfo(`${upstream.url}/bare`)).toEqual({
      url: `${upstream.url}/bare`,
      contentType: 'text/html',
      isImage: false,
      title: undefined,
      description: undefined,
      image: undefined,
      favicon: `${upstream.url}/favicon.ico`,
    });
  });

  it('decodes the charset a page declares in a meta tag', async () => {
    expect((await getPageInfo(`${upstream.url}/latin1`)).title).toBe('Café');
  });

  it('marks image URLs as images', async () => {
    expect(await getPageInfo(`${upstream.url}/picture`)).toEqual({
      url: `${upstream.url}/picture`,
      contentType: 'image/png',
      isImage: true,
      image: `${upstream.url}/picture`,
    });
  });

  it('describes other content by its type only', async () => {
    expect(await getPageInfo(`${upstream.url}/doc.pdf`)).toEqual({
      url: `${upstream.url}/doc.pdf`,
      contentType: 'application/pdf',
      isImage: false,
    });
  });

  it('reports the URL reached after redirects', async () => {
    const info = await getPageInfo(`${upstream.url}/short-link`);
    expect(info.url).toBe(`${upstream.url}/articles/one`);
    expect(info.favicon).toBe(`${upstream.url}/articles/static/icon.png`);
  });

  it('stops reading a page after its head', async () => {
    bigPageBytesWritten = 0;
    expect((await getPageInfo(`${upstream.url}/big`)).title).toBe('Big page');
    expect(await bigPageClosedEarly).toBe(true);
    expect(bigPageBytesWritten).toBeLessThan(64 * 1024 * 1024);
  });

  it('fails with http-error for an error status', async () => {
    const err = await getPageInfo(`${upstream.url}/missing`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OutboundError);
    expect((err as OutboundError).kind).toBe('http-error');
    expect((err as OutboundError).status).toBe(404);
  });

  it('refuses a page on a forbidden address', async () => {
    delete process.env.OUTBOUND_ALLOWED_HOSTS;
    const err = await getPageInfo(`${upstream.url}/articles/one`).catch((e: unknown) => e);
    expect((err as OutboundError).kind).toBe('forbidden-address');
    expect(upstream.requests).toHaveLength(0);
  });
});

describe('classifyRemoteUrl', () => {
  it.each([
    ['image/jpeg', 'remote#image'],
    ['IMAGE/PNG; charset=binary', 'remote#image'],
    ['audio/mpeg', 'remote#audio'],
    ['video/mp4', 'remote#video'],
    ['application/vnd.apple.mpegurl', 'remote#video'],
    ['application/dash+xml', 'remote#video'],
    ['text/html; charset=utf-8', 'roomful#url'],
    ['application/pdf', 'roomful#url'],
    [undefined, 'roomful#url'],
  ])('%s -> %s', (contentType, expected) => {
    expect(classifyRemoteUrl(contentType)).toBe(expected);
  });
});
