import { describe, expect, it } from 'vitest';
import { contracts } from '../helpers/contract.js';

const json = { 'content-type': 'application/json; charset=utf-8' };
const room = '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b';

describe('the drift check the test clients run on every answer', () => {
  const { openApi, asyncApi } = contracts();

  it('accepts answers as documented', () => {
    expect(openApi.check('PUT', `/rooms/${room}/mute`, 204, new Headers(), Buffer.alloc(0))).toEqual([]);
    expect(openApi.check('GET', `/rooms/${room}`, 404, new Headers(json), { traceId: 't', message: 'room not found' })).toEqual([]);
    expect(
      openApi.check(
        'GET',
        '/api/v0/resource/proxy/abc',
        206,
        new Headers({ 'content-type': 'image/png', 'content-range': 'bytes 0-1/2', 'accept-ranges': 'bytes' }),
        Buffer.from('ab'),
      ),
    ).toEqual([]);
    expect(openApi.check('GET', '/nowhere', 418, new Headers(), Buffer.alloc(0))).toEqual([]);
  });

  it('reports undeclared statuses, bodies, media types, envelopes and headers', () => {
    expect(openApi.check('PUT', `/rooms/${room}/mute`, 200, new Headers(json), {})).toEqual([
      expect.stringMatching(/answered 200, which muteRoom does not declare/),
    ]);
    expect(openApi.check('GET', '/health/live', 204, new Headers(json), { ok: true })).toEqual([
      expect.stringMatching(/with a body, where the document declares none/),
    ]);
    expect(openApi.check('GET', `/rooms/${room}`, 404, new Headers(json), { error: { status: true, code: 404, message: 'x' } })).toEqual([
      expect.stringMatching(/body its schema rejects/),
    ]);
    expect(openApi.check('GET', `/rooms/${room}`, 200, new Headers({ 'content-type': 'text/plain' }), Buffer.from('hi'))).toEqual([
      expect.stringMatching(/Content-Type "text\/plain"/),
    ]);
    expect(
      openApi.check('GET', '/health', 200, new Headers({ ...json, etag: '"1"' }), { isLive: true, status: 'ok', dependencies: [] }),
    ).toEqual([expect.stringMatching(/undeclared etag header/)]);
    expect(openApi.check('GET', '/api/v0/resource/abc', 302, new Headers(), Buffer.alloc(0))).toEqual([
      expect.stringMatching(/required Location header/),
    ]);
  });

  it('checks WebSocket replies, error replies and events against the AsyncAPI messages', () => {
    const ok = { status: false, code: 0, message: '' };
    const failure = { status: true, code: 404, message: 'resource x does not exist' };
    expect(
      asyncApi.checkFrame({ type: 'response', endpoint: 'resource:get', event: { id: 'c-1', date: 1 }, data: null, error: failure }),
    ).toEqual([]);
    expect(
      asyncApi.checkFrame({ type: 'response', endpoint: 'resource:get', event: { id: 'c-1', date: 1 }, data: null, error: ok }),
    ).toHaveLength(1);
    expect(
      asyncApi.checkFrame({ type: 'response', endpoint: null, event: { id: null, date: 1 }, data: null, error: { ...failure, code: 400 } }),
    ).toEqual([]);
    expect(
      asyncApi.checkFrame({
        type: 'event',
        endpoint: 'resource:updated',
        channel: 'resource:x',
        position: 1,
        data: { nothing: true },
        error: ok,
      }),
    ).toHaveLength(1);
    expect(asyncApi.checkFrame({ type: 'event', endpoint: 'made:up', channel: 'user:x', position: 1, data: {}, error: ok })).toEqual([
      expect.stringMatching(/not in the AsyncAPI document/),
    ]);
    expect(asyncApi.checkOpsAnswer('resource:get', { data: null, error: failure, channels: { join: [], leave: [] } })).toEqual([]);
  });
});
