import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deployables } from '../../functions/manifest.js';
import { bucket } from '../../shared/gcp/clients.js';
import { BLUE, RED, closeTo, pixelAt } from '../fixtures/media.js';
import { ApiClient } from '../helpers/client.js';
import { tapEvents, type EventTap } from '../helpers/events.js';
import { routes, startFakeUpstream, type FakeRequest, type FakeUpstream } from '../helpers/fake-upstream.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';
import { settled, storedResource } from './support.js';

let stack: TestStack;
let events: EventTap;
let openai: FakeUpstream;
let owner: { id: string; token: string };
let api: ApiClient;
let image: Buffer;
/** How the fake answers the next generation requests, in order; then it succeeds. */
let scripted: Array<{ status: number; body: unknown }> = [];

interface Resource {
  id: string;
  status: string;
  belonging: string;
  metadata: Record<string, unknown>;
  data: { aiGeneration: Record<string, string> };
}

/** A 256x256 PNG: red top half, blue bottom half. */
async function generatedPng(): Promise<Buffer> {
  const top = await sharp({ create: { width: 256, height: 128, channels: 3, background: RED } })
    .png()
    .toBuffer();
  return sharp({ create: { width: 256, height: 256, channels: 3, background: BLUE } })
    .composite([{ input: top, top: 0, left: 0 }])
    .png()
    .toBuffer();
}

function answer(req: FakeRequest, res: import('node:http').ServerResponse) {
  const next = scripted.shift();
  if (next) {
    res.writeHead(next.status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(next.body));
    return;
  }
  const body = JSON.parse(req.body.toString()) as { prompt: string };
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(
    JSON.stringify({
      created: 1732350000,
      data: [{ b64_json: image.toString('base64'), revised_prompt: `A detailed rendering of: ${body.prompt}` }],
    }),
  );
}

beforeAll(async () => {
  image = await generatedPng();
  openai = await startFakeUpstream(routes({ 'POST /v1/images/generations': answer }));
  Object.assign(process.env, { OPENAI_BASE_URL: `${openai.url}/v1`, OPENAI_API_KEY: 'test-key', OUTBOUND_ALLOWED_HOSTS: openai.host });
  stack = await startTestStack({
    deployables: deployables.filter((d) => ['resources', 'resource-media', 'process-ai-image'].includes(d.name)),
  });
  events = await tapEvents();
  owner = await stack.user();
  api = new ApiClient(stack.url, owner.token);
});

beforeEach(() => {
  scripted = [];
});

afterAll(async () => {
  for (const name of ['OPENAI_BASE_URL', 'OPENAI_API_KEY', 'OUTBOUND_ALLOWED_HOSTS']) delete process.env[name];
  await events?.close();
  await stack?.stop();
  await openai?.close();
});

async function generate(data: Record<string, unknown>): Promise<Resource> {
  const res = await api.ops<{ resource: Resource }>('resource:generateAIImage', data);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.data.resource;
}

const requestsFor = (prompt: string) => openai.requests.filter((r) => JSON.parse(r.body.toString()).prompt === prompt);

describe('resource:generateAIImage', () => {
  it('creates a pending resource in the AI generations at once, then generates, stores and thumbnails the image', async () => {
    const prompt = 'a lighthouse at dusk';
    const created = await generate({ prompt });
    expect(created).toMatchObject({
      status: 'pending',
      belonging: `userAIGeneration:${owner.id}`,
      data: { aiGeneration: { generationModel: 'dall-e-3', prompt } },
    });

    const ready = (await settled(events, created.id)).data.resource as unknown as Resource;
    expect(ready).toMatchObject({
      status: 'ready',
      metadata: { contentType: 'image/png', fileName: 'ai-image.png', fileSize: image.length, dimensions: { width: 256, height: 256 } },
      data: {
        aiGeneration: {
          generationModel: 'dall-e-3',
          prompt,
          revisedPrompt: `A detailed rendering of: ${prompt}`,
          url: `${stack.url}/api/v0/resource/${created.id}`,
        },
      },
    });

    const [request] = requestsFor(prompt);
    expect(request.headers.authorization).toBe('Bearer test-key');
    expect(JSON.parse(request.body.toString())).toEqual({
      model: 'dall-e-3',
      prompt,
      n: 1,
      size: '1024x1024',
      response_format: 'b64_json',
    });

    const stored = await storedResource(created.id);
    const [bytes] = await bucket().file(stored.storagePath!).download();
    expect(bytes.equals(image)).toBe(true);
    const thumb = await api.get<Buffer>(`/api/v0/resource/thumbnail/128/${created.id}`);
    expect(thumb.status).toBe(200);
    expect(closeTo(await pixelAt(thumb.body, 64, 10), RED)).toBe(true);
    expect(closeTo(await pixelAt(thumb.body, 64, 120), BLUE)).toBe(true);
  });

  it('uses the requested model and placement', async () => {
    const prompt = 'a paper boat';
    const created = await generate({ prompt, generationModel: 'gpt-image-1', belonging: `userSortingTable:${owner.id}` });
    expect(created.belonging).toBe(`userSortingTable:${owner.id}`);
    expect((await settled(events, created.id)).data.resource.status).toBe('ready');
    expect(JSON.parse(requestsFor(prompt)[0].body.toString())).toEqual({ model: 'gpt-image-1', prompt, n: 1, size: '1024x1024' });
  });

  it('retries after a transient upstream error, with backoff', async () => {
    scripted = [{ status: 503, body: { error: { message: 'overloaded', type: 'server_error' } } }];
    const prompt = 'a windmill';
    const created = await generate({ prompt });
    expect((await settled(events, created.id)).data.resource.status).toBe('ready');
    expect(requestsFor(prompt)).toHaveLength(2);
  });

  it('a refused prompt leaves the resource failed with the reason, asked once', async () => {
    scripted = [
      {
        status: 400,
        body: {
          error: {
            message: 'Your request was rejected by the safety system.',
            type: 'invalid_request_error',
            code: 'content_policy_violation',
          },
        },
      },
    ];
    const prompt = 'something refused';
    const created = await generate({ prompt });
    expect((await settled(events, created.id)).data.resource).toMatchObject({
      status: 'failed',
      failure: expect.stringMatching(/refused the request \(400\).*safety system/),
    });
    expect(requestsFor(prompt)).toHaveLength(1);
  });

  it('reaches the API only through the outbound module: a base URL on a loopback address not allow-listed is refused', async () => {
    process.env.OUTBOUND_ALLOWED_HOSTS = '';
    const prompt = 'a loopback request';
    let id: string;
    try {
      id = (await generate({ prompt })).id;
      expect((await settled(events, id)).data.resource.status).toBe('failed');
    } finally {
      process.env.OUTBOUND_ALLOWED_HOSTS = openai.host;
    }
    expect((await storedResource(id)).failure).toMatch(/could not be reached: .*forbidden loopback address 127\.0\.0\.1/);
    expect(requestsFor(prompt)).toHaveLength(0);
  });

  it('answers 400 for a missing prompt and 503 while no API key is configured', async () => {
    const missing = await api.ops('resource:generateAIImage', {});
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toMatch(/prompt is required/);
    delete process.env.OPENAI_API_KEY;
    try {
      const unconfigured = await api.ops('resource:generateAIImage', { prompt: 'anything' });
      expect(unconfigured.status).toBe(503);
    } finally {
      process.env.OPENAI_API_KEY = 'test-key';
    }
  });
});
