import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployables } from '../../functions/manifest.js';
import { isVideoHostUrl } from '../../shared/content/video-hosts.js';
import { ApiClient } from '../helpers/client.js';
import { routes, startFakeUpstream, type FakeRequest, type FakeUpstream } from '../helpers/fake-upstream.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';

type ErrorBody = { error: { status: boolean; code: number; message: string } };
const video = Buffer.from(Array.from({ length: 4096 }, (_, i) => i % 251));

/** A googlevideo.com stand-in: `/videoplayback` honours one byte range; `/hop` redirects to it; `/expired` is 403. */
function serveVideo(req: FakeRequest, res: ServerResponse) {
  const range = /^bytes=(\d+)-(\d+)$/.exec(req.headers.range ?? '');
  const headers = { 'content-type': 'video/mp4', 'accept-ranges': 'bytes', etag: '"v1"', 'set-cookie': 'tracking=1' };
  if (!range) return res.writeHead(200, { ...headers, 'content-length': video.length }).end(video);
  const [start, end] = [Number(range[1]), Math.min(Number(range[2]), video.length - 1)];
  if (start >= video.length) return res.writeHead(416, { 'content-range': `bytes */${video.length}` }).end();
  res
    .writeHead(206, { ...headers, 'content-range': `bytes ${start}-${end}/${video.length}`, 'content-length': end - start + 1 })
    .end(video.subarray(start, end + 1));
}

let upstream: FakeUpstream;
let stack: TestStack;
let api: ApiClient;

beforeAll(async () => {
  upstream = await startFakeUpstream(
    routes({
      'GET /videoplayback': serveVideo,
      'GET /hop': (_req, res) => res.writeHead(302, { location: '/videoplayback?id=1' }).end(),
      'GET /away': (_req, res) => res.writeHead(302, { location: `http://localhost:${upstream.port}/videoplayback` }).end(),
      'GET /expired': (_req, res) => res.writeHead(403, { 'content-type': 'text/plain' }).end('expired'),
    }),
  );
  // the fake stands in for *.googlevideo.com: its address is the video host and allow-listed for outbound calls
  Object.assign(process.env, { YOUTUBE_PROXY_HOSTS: '127.0.0.1', OUTBOUND_ALLOWED_HOSTS: `${upstream.host},localhost:${upstream.port}` });
  stack = await startTestStack({ deployables: deployables.filter((d) => d.name === 'resource-content') });
  api = new ApiClient(stack.url, (await stack.user()).token);
});

afterAll(async () => {
  await stack?.stop();
  await upstream?.close();
});

const proxied = (url: string) => `/api/v0/resource/proxy/youtube?url=${encodeURIComponent(url)}`;

describe('YouTube proxy', () => {
  it('streams the video with its type and length, without upstream cookies', async () => {
    const res = await api.get<Buffer>(proxied(`${upstream.url}/videoplayback?id=1&sig=abc`));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('video/mp4');
    expect(res.headers.get('content-length')).toBe(String(video.length));
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(res.body.equals(video)).toBe(true);
    expect(upstream.requests.at(-1)?.url).toBe('/videoplayback?id=1&sig=abc');
  });

  it('forwards Range and passes 206 and 416 through', async () => {
    const part = await api.get<Buffer>(proxied(`${upstream.url}/videoplayback`), { range: 'bytes=100-199' });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 100-199/${video.length}`);
    expect(part.body.equals(video.subarray(100, 200))).toBe(true);

    const past = await api.get(proxied(`${upstream.url}/videoplayback`), { range: 'bytes=9000-9001' });
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe(`bytes */${video.length}`);
  });

  it('follows redirects only while they stay on a video host', async () => {
    const hop = await api.get<Buffer>(proxied(`${upstream.url}/hop`));
    expect(hop.status).toBe(200);
    expect(hop.body.equals(video)).toBe(true);

    const away = await api.get<ErrorBody>(proxied(`${upstream.url}/away`));
    expect(away.status).toBe(422);
    expect(away.body.error.message).toMatch(/redirected away from the video hosts/);
  });

  it('answers 422 naming an upstream failure status', async () => {
    const res = await api.get<ErrorBody>(proxied(`${upstream.url}/expired`));
    expect(res.status).toBe(422);
    expect(res.body.error.message).toBe('url answered with status 403');
  });

  it('answers 400 to a URL off the video hosts or a missing url, and 401 without a token', async () => {
    const off = await api.get<ErrorBody>(proxied(`http://localhost:${upstream.port}/videoplayback`));
    expect(off.status).toBe(400);
    expect(off.body.error.message).toMatch(/url must be an http\(s\) URL on a host ending with 127\.0\.0\.1/);
    const missing = await api.get<ErrorBody>('/api/v0/resource/proxy/youtube');
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toMatch(/url is required/);
    expect((await api.as(undefined).get(proxied(`${upstream.url}/videoplayback`))).status).toBe(401);
    expect(upstream.requests.filter((r) => r.url.startsWith('/videoplayback') && r.headers.host?.startsWith('localhost'))).toEqual([]);
  });
});

describe('video host rule', () => {
  const hosts = ['googlevideo.com'];
  it('accepts googlevideo.com and its subdomains only, at a label boundary', () => {
    expect(isVideoHostUrl(new URL('https://rr3---sn-4g5e6nzz.googlevideo.com/videoplayback?x=1'), hosts)).toBe(true);
    expect(isVideoHostUrl(new URL('https://GOOGLEVIDEO.COM./v'), hosts)).toBe(true);
    expect(isVideoHostUrl(new URL('https://evilgooglevideo.com/v'), hosts)).toBe(false);
    expect(isVideoHostUrl(new URL('https://googlevideo.com.evil.net/v'), hosts)).toBe(false);
    expect(isVideoHostUrl(new URL('ftp://r1.googlevideo.com/v'), hosts)).toBe(false);
  });
});
