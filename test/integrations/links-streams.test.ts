import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeUpstream, type FakeUpstream } from '../helpers/fake-upstream.js';
import { jpeg } from './support/images.js';
import { send } from './support/fake-partners.js';
import { startIntegrationsStack, type IntegrationsStack, type IntegrationsUser } from './support/stack.js';

const article = `<!doctype html><html><head><meta charset="utf-8">
<title>Fallback title</title>
<meta property="og:title" content="Lemon tart, the sharp way">
<meta property="og:description" content="A tart that is more lemon than tart.">
<meta property="og:image" content="/web/cover.jpg">
<link rel="icon" href="/web/icon.png">
</head><body><p>Text</p></body></html>`;

const plainPage = '<html><head><title>Plain page</title></head><body>no preview image</body></html>';

const masterPlaylist = `#EXTM3U
#EXT-X-VERSION:3
#EXT-X-STREAM-INF:BANDWIDTH=800000,RESOLUTION=640x360,CODECS="avc1.4d401e,mp4a.40.2"
360p/index.m3u8
#EXT-X-STREAM-INF:BANDWIDTH=2800000,RESOLUTION=1280x720,FRAME-RATE=60.000,CODECS="avc1.4d401f,mp4a.40.2"
https://cdn.example.com/live/720p60.m3u8
#EXT-X-STREAM-INF:BANDWIDTH=1400000,RESOLUTION=1280x720,CODECS="avc1.4d401f,mp4a.40.2"
720p/index.m3u8
#EXT-X-STREAM-INF:BANDWIDTH=1500000,RESOLUTION=1280x720
720p-alt/index.m3u8
#EXT-X-STREAM-INF:BANDWIDTH=64000,CODECS="mp4a.40.2"
audio/index.m3u8
`;

const mediaPlaylist = `#EXTM3U
#EXT-X-TARGETDURATION:6
#EXTINF:6.0,
segment0.ts
#EXTINF:6.0,
segment1.ts
`;

const mpd = `<?xml version="1.0" encoding="UTF-8"?>
<MPD xmlns="urn:mpeg:dash:schema:mpd:2011" type="static" mediaPresentationDuration="PT60S">
  <Period>
    <AdaptationSet mimeType="video/mp4" segmentAlignment="true">
      <Representation id="v1" bandwidth="5000000" width="1920" height="1080" frameRate="30"/>
      <Representation id="v2" bandwidth="2500000" width="1280" height="720" frameRate="30000/1001"/>
      <Representation id="v3" bandwidth="1000000" width="854" height="480"/>
    </AdaptationSet>
    <AdaptationSet mimeType="audio/mp4" lang="en">
      <Representation id="a1" bandwidth="128000"/>
    </AdaptationSet>
  </Period>
</MPD>`;

let env: IntegrationsStack;
let alice: IntegrationsUser;
/** A server the integrations may NOT reach: not on the allow-list, so its loopback address is forbidden. */
let internal: FakeUpstream;
let web: string;

beforeAll(async () => {
  env = await startIntegrationsStack();
  alice = await env.user();
  internal = await startFakeUpstream((_req, res) => send(res, 200, 'text/html', '<title>internal admin</title>'));
  web = `${env.partners.url}/web`;
  const movie = Buffer.alloc(1024 * 1024, 7);
  const routes: Record<string, (res: Parameters<typeof send>[0]) => void> = {
    'GET /web/article': (res) => send(res, 200, 'text/html; charset=utf-8', article),
    'GET /web/plain': (res) => send(res, 200, 'text/html', plainPage),
    'GET /web/missing': (res) => send(res, 404, 'text/html', 'gone'),
    'GET /web/to-internal': (res) => {
      res.writeHead(302, { location: `${internal.url}/admin` });
      res.end();
    },
    'GET /streams/master.m3u8': (res) => send(res, 200, 'application/vnd.apple.mpegurl', masterPlaylist),
    'GET /streams/live.m3u8': (res) => send(res, 200, 'application/x-mpegURL', mediaPlaylist),
    'GET /streams/served-as-text': (res) => send(res, 200, 'text/plain', masterPlaylist),
    'GET /streams/manifest.mpd': (res) => send(res, 200, 'application/dash+xml', mpd),
    'GET /streams/movie.mp4': (res) => send(res, 200, 'video/mp4', movie),
    'GET /streams/empty.m3u8': (res) => send(res, 200, 'application/vnd.apple.mpegurl', '#EXTM3U\n'),
  };
  for (const [route, answer] of Object.entries(routes)) env.partners.on(route, (_req, res) => answer(res));
  const photo = await jpeg(64, 48);
  env.partners.on('GET /web/photo.jpg', (_req, res) => send(res, 200, 'image/jpeg', photo));
});
afterAll(async () => {
  await internal?.close();
  await env?.stop();
});

describe('link:info', () => {
  it('answers the title, description and og:image of a page, resolved against the page', async () => {
    const answer = await alice.api.call('link:info', { url: `${web}/article` });
    expect(answer.status).toBe(200);
    expect(answer.data).toEqual({
      url: `${web}/article`,
      title: 'Lemon tart, the sharp way',
      description: 'A tart that is more lemon than tart.',
      isImage: false,
      thumbnail: `${web}/cover.jpg`,
    });
  });

  it("falls back to the page's title and icon", async () => {
    const answer = await alice.api.call('link:info', { url: `${web}/plain` });
    expect(answer.data).toEqual({ url: `${web}/plain`, title: 'Plain page', isImage: false, thumbnail: `${env.partners.url}/favicon.ico` });
  });

  it('says when the URL is an image', async () => {
    const answer = await alice.api.call('link:info', { url: `${web}/photo.jpg` });
    expect(answer.data).toEqual({ url: `${web}/photo.jpg`, isImage: true, thumbnail: `${web}/photo.jpg` });
  });

  it('answers 422 when the page answers an error status', async () => {
    const answer = await alice.api.call('link:info', { url: `${web}/missing` });
    expect(answer.status).toBe(422);
    expect(answer.error.message).toBe('url answered with status 404');
  });

  // loopback aliases; private, link-local and metadata hosts are refused by the same check (shared/outbound/target.test.ts)
  it('refuses loopback addresses the allow list does not name, also behind a redirect, without connecting', async () => {
    const attempts = [
      `${internal.url}/admin`,
      'http://127.0.0.2/latest/meta-data/',
      'http://127.10.0.7/',
      'http://[::1]:8080/',
      `${web}/to-internal`,
    ];
    for (const url of attempts) {
      const answer = await alice.api.call('link:info', { url });
      expect(answer.status, url).toBe(400);
      expect(answer.error.message, url).toBe('url points to an address that may not be fetched');
    }
    expect(internal.requests).toEqual([]);
    const scheme = await alice.api.call('link:info', { url: 'file:///etc/passwd' });
    expect(scheme.status).toBe(400);
    expect(scheme.error.message).toMatch(/url must match pattern/);
  });
});

describe('resource:getStreamSources', () => {
  it('names the variants of an HLS master playlist by resolution, frame rate and bandwidth, with best and worst', async () => {
    const answer = await alice.api.call<{ streams: Record<string, { type: string; url: string }>; plugin: string }>(
      'resource:getStreamSources',
      {
        url: `${env.partners.url}/streams/master.m3u8`,
      },
    );
    expect(answer.status).toBe(200);
    const base = `${env.partners.url}/streams`;
    expect(answer.data).toEqual({
      plugin: 'hls',
      streams: {
        '64k': { type: 'hls', url: `${base}/audio/index.m3u8` },
        '360p': { type: 'hls', url: `${base}/360p/index.m3u8` },
        '720p': { type: 'hls', url: `${base}/720p/index.m3u8` },
        '720p_alt': { type: 'hls', url: `${base}/720p-alt/index.m3u8` },
        '720p60': { type: 'hls', url: 'https://cdn.example.com/live/720p60.m3u8' },
        worst: { type: 'hls', url: `${base}/360p/index.m3u8` },
        best: { type: 'hls', url: 'https://cdn.example.com/live/720p60.m3u8' },
      },
    });
  });

  it('recognizes a playlist by its content whatever its content type', async () => {
    const answer = await alice.api.call<{ streams: Record<string, unknown> }>('resource:getStreamSources', {
      url: `${env.partners.url}/streams/served-as-text`,
    });
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.data.streams)).toContain('720p60');
  });

  it('answers a media playlist as one live stream', async () => {
    const url = `${env.partners.url}/streams/live.m3u8`;
    const answer = await alice.api.call('resource:getStreamSources', { url });
    const live = { type: 'hls', url };
    expect(answer.data).toEqual({ plugin: 'hls', streams: { live, best: live, worst: live } });
  });

  it('names the video representations of a DASH manifest, all played from the manifest', async () => {
    const url = `${env.partners.url}/streams/manifest.mpd`;
    const answer = await alice.api.call('resource:getStreamSources', { url });
    const dash = { type: 'dash', url };
    expect(answer.data).toEqual({ plugin: 'dash', streams: { '480p': dash, '720p': dash, '1080p': dash, best: dash, worst: dash } });
  });

  it('answers a direct media file as one http stream without downloading it', async () => {
    const url = `${env.partners.url}/streams/movie.mp4`;
    const answer = await alice.api.call('resource:getStreamSources', { url });
    const live = { type: 'http', url };
    expect(answer.data).toEqual({ plugin: 'http', streams: { live, best: live, worst: live } });
  });

  it('gives up on a manifest that trickles in longer than the outbound time limit', async () => {
    env.partners.on('GET /streams/trickle.m3u8', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/vnd.apple.mpegurl' });
      res.write('#EXTM3U\n');
      const drip = setInterval(() => res.write('#EXT-X-COMMENT\n'), 50);
      res.on('close', () => clearInterval(drip));
    });
    process.env.OUTBOUND_TIMEOUT_MS = '500';
    try {
      const answer = await alice.api.call('resource:getStreamSources', { url: `${env.partners.url}/streams/trickle.m3u8` });
      expect(answer.status).toBe(422);
      expect(answer.error.message).toBe('url could not be fetched (timeout)');
    } finally {
      delete process.env.OUTBOUND_TIMEOUT_MS;
    }
  });

  it('answers 422 "no stream sources found" for a web page or an empty playlist, and 400 for forbidden addresses', async () => {
    for (const url of [`${web}/article`, `${env.partners.url}/streams/empty.m3u8`]) {
      const answer = await alice.api.call('resource:getStreamSources', { url });
      expect(answer.status, url).toBe(422);
      expect(answer.error.message, url).toMatch(/^no stream sources found at /);
    }
    const missing = await alice.api.call('resource:getStreamSources', { url: `${web}/missing` });
    expect(missing.status).toBe(422);
    const internalUrl = await alice.api.call('resource:getStreamSources', { url: `${internal.url}/live.m3u8` });
    expect(internalUrl.status).toBe(400);
    expect(internal.requests).toEqual([]);
  });
});
