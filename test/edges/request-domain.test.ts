import type { Domain } from 'node:domain';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import { http, type HttpFunction } from '@google-cloud/functions-framework';
import { getTestServer } from '@google-cloud/functions-framework/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { registerHttp } from '../../shared/transport/register-function.js';

const activeDomain = () => (process as { domain?: Domain }).domain;

/** Answers whether its work, after a timer and an immediate, still runs inside a domain. */
const probe: HttpFunction = async (req, res) => {
  if (req.query.fail) throw new Error('probe failed');
  await sleep(1);
  await nextTurn();
  res.json({ inDomain: activeDomain() !== undefined });
};

const servers: Server[] = [];
async function serve(name: string): Promise<string> {
  const server = getTestServer(name);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});

describe('functions registered by registerHttp', () => {
  it('functions-framework runs a plain http function inside a per-request domain (what registerHttp leaves)', async () => {
    http('domain-probe-plain', probe);
    const answer = await fetch(`${await serve('domain-probe-plain')}/`);
    expect(await answer.json()).toEqual({ inDomain: true });
  });

  it('run their work outside that domain', async () => {
    registerHttp('domain-probe', probe);
    const base = await serve('domain-probe');
    const answers = await Promise.all([fetch(`${base}/`), fetch(`${base}/`)]);
    for (const answer of answers) expect(await answer.json()).toEqual({ inDomain: false });
  });

  it('still answer a failing handler with a 500 and keep serving', async () => {
    registerHttp('domain-probe-failing', probe);
    const base = await serve('domain-probe-failing');
    const failed = await fetch(`${base}/?fail=1`);
    expect(failed.status).toBe(500);
    const next = await fetch(`${base}/`);
    expect(await next.json()).toEqual({ inDomain: false });
  });
});
