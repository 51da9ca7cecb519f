import OpenAI from 'openai';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { routes, startFakeUpstream, watchConnectionAttempts, type FakeUpstream } from '../../test/helpers/fake-upstream.js';
import { OutboundError } from './errors.js';
import { createOutboundFetch, outboundFetch } from './fetch-adapter.js';

let upstream: FakeUpstream;

const completion = {
  id: 'chatcmpl-1',
  object: 'chat.completion',
  created: 1,
  model: 'gpt-test',
  choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: 'hello from the fake' } }],
};

beforeEach(async () => {
  upstream = await startFakeUpstream(
    routes({
      'POST /v1/chat/completions': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(completion));
      },
      'POST /v1/images/generations': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ created: 1, data: [{ b64_json: Buffer.from('png-bytes').toString('base64') }] }));
      },
      'POST /form': (req, res) => {
        res.writeHead(200, { 'content-type': 'text/plain', 'set-cookie': ['a=1', 'b=2'] });
        res.end(`${req.headers['content-type']}\n${req.body.toString()}`);
      },
      'GET /moved': (_req, res) => {
        res.writeHead(302, { location: '/form-get' });
        res.end();
      },
      'GET /form-get': (_req, res) => res.end('landed'),
      'GET /empty': (_req, res) => {
        res.writeHead(204);
        res.end();
      },
    }),
  );
  process.env.OUTBOUND_ALLOWED_HOSTS = upstream.host;
});

afterEach(async () => {
  delete process.env.OUTBOUND_ALLOWED_HOSTS;
  await upstream.close();
});

const client = () => new OpenAI({ apiKey: 'test-key', baseURL: `${upstream.url}/v1`, fetch: outboundFetch, maxRetries: 0 });

describe('outboundFetch with the openai package', () => {
  it('carries a chat completion request and its answer', async () => {
    const answer = await client().chat.completions.create({ model: 'gpt-test', messages: [{ role: 'user', content: 'hi' }] });
    expect(answer.choices[0].message.content).toBe('hello from the fake');
    const [request] = upstream.requests;
    expect(request.headers.authorization).toBe('Bearer test-key');
    expect(JSON.parse(request.body.toString())).toMatchObject({ model: 'gpt-test', messages: [{ role: 'user', content: 'hi' }] });
  });

  it('carries an image generation answer', async () => {
    const answer = await client().images.generate({ model: 'gpt-image-1', prompt: 'a room', n: 1 });
    expect(Buffer.from(answer.data?.[0].b64_json ?? '', 'base64').toString()).toBe('png-bytes');
  });

  it('refuses a base URL on a forbidden address, without connecting', async () => {
    delete process.env.OUTBOUND_ALLOWED_HOSTS;
    const watch = watchConnectionAttempts();
    try {
      const err = await client()
        .chat.completions.create({ model: 'gpt-test', messages: [{ role: 'user', content: 'hi' }] })
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(err).toBeInstanceOf(OpenAI.APIConnectionError);
      expect((err as Error).cause).toBeInstanceOf(OutboundError);
      expect(((err as Error).cause as OutboundError).kind).toBe('forbidden-address');
      expect(upstream.requests).toHaveLength(0);
      expect(watch.attempts).toEqual([]);
    } finally {
      watch.stop();
    }
  });

  it('applies the adapter size cap to the response body', async () => {
    const tiny = new OpenAI({ apiKey: 'k', baseURL: `${upstream.url}/v1`, fetch: createOutboundFetch({ maxBytes: 10 }), maxRetries: 0 });
    const err = await tiny.chat.completions.create({ model: 'gpt-test', messages: [{ role: 'user', content: 'hi' }] }).then(
      () => undefined,
      (e: unknown) => e,
    );
    // Over the cap at the headers: a connection error; over it while reading the body: the OutboundError itself.
    const failure = err instanceof OpenAI.APIConnectionError ? err.cause : err;
    expect(failure).toBeInstanceOf(OutboundError);
    expect((failure as OutboundError).kind).toBe('too-large');
  });
});

describe('outboundFetch as fetch', () => {
  it('sends multipart form bodies with their content type and returns repeated headers', async () => {
    const form = new FormData();
    form.append('prompt', 'a chair');
    const response = await outboundFetch(`${upstream.url}/form`, { method: 'POST', body: form });
    const text = await response.text();
    const contentType = text.slice(0, text.indexOf('\n'));
    const body = text.slice(text.indexOf('\n') + 1);
    expect(contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(body).toContain('name="prompt"');
    expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
  });

  it('follows redirects by default, reports the final URL, and returns them with redirect: manual', async () => {
    const followed = await outboundFetch(`${upstream.url}/moved`);
    expect(await followed.text()).toBe('landed');
    expect(followed.url).toBe(`${upstream.url}/form-get`);
    expect(followed.redirected).toBe(true);
    const manual = await outboundFetch(`${upstream.url}/moved`, { redirect: 'manual' });
    expect(manual.status).toBe(302);
    expect(manual.headers.get('location')).toBe('/form-get');
  });

  it('answers 204 with an empty body', async () => {
    const response = await outboundFetch(`${upstream.url}/empty`);
    expect(response.status).toBe(204);
    expect(response.body).toBeNull();
  });
});
