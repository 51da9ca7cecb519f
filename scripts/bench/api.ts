/**
 * Request path benchmark: `resource:get` through the local gateway and the resources function
 * (POST /ops/resource:get with a bearer token), against a bare @google-cloud/firestore get of the
 * same document, both with the same number of concurrent callers on the same emulator, in the same
 * run. Two floors, measured alongside, show what any HTTP path holding that one read can reach in
 * this process: a bare node:http server doing the get, and a functions-framework function doing it.
 * The same call on a resource someone reacted to, whose answer counts its reactions (a second
 * RPC), runs in the same rounds. Then each step of the request path alone, at the same
 * concurrency, as a share of one gateway request: token check, profile, access (the read and its
 * rules), the reaction count (only for a resource reacted to), validation, and what remains
 * (routing: gateway, HTTP, envelopes).
 * Asserts nothing; target >= 0.6x.
 *
 *   npm run bench -- api [seconds]
 */
import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getTestServer } from '@google-cloud/functions-framework/testing';
import { pathToFileURL } from 'node:url';
import { deployables } from '../../functions/manifest.js';
import { getRequest } from '../../functions/resources/schemas/resource.js';
import { getInNetwork } from '../../functions/resources/store/read.js';
import { verifyTokenCached } from '../../shared/auth/verified-tokens.js';
import { countReactions } from '../../shared/resources/reaction-count.js';
import { verifyToken } from '../../shared/auth/verify.js';
import { closeClients, firestore } from '../../shared/gcp/clients.js';
import { ensureUserProfile } from '../../shared/users/profile.js';
import { validateRequest } from '../../shared/validation/validator.js';
import { benchEmulators } from './emulators.js';
import { closeServers } from '../lib/function-host.js';
import { registerHttp } from '../../shared/transport/register-function.js';
import { createIssuerKeys, issuerEnv, mintToken, serveJwks } from '../lib/issuer.js';
import { startStack } from '../lib/stack.js';
import { Collections } from '../../shared/data-layout.js';

const CONCURRENCY = 10;
const TARGET = 0.6;
/** Every path's loop runs once per round, so a load change on a shared machine hits them all. */
const ROUNDS = 5;

type Path = 'bare' | 'http' | 'framework' | 'gateway' | 'reacted';

interface Rate {
  perSecond: number;
  /** CPU time of this process (callers, gateway, function, Firestore client; not the emulator) per call */
  cpuMsPerCall: number;
}

/** Calls per second of `call` run by CONCURRENCY callers for `seconds`. */
async function measure(seconds: number, call: () => Promise<unknown>): Promise<Rate> {
  const cpu = process.cpuUsage();
  const end = performance.now() + seconds * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < end) {
        await call();
        done++;
      }
    }),
  );
  const used = process.cpuUsage(cpu);
  return { perSecond: done / seconds, cpuMsPerCall: (used.user + used.system) / 1000 / done };
}

/**
 * The callers' HTTP client: node:http on kept-alive sockets, far lighter than fetch (undici), whose
 * CPU time in this process would otherwise be counted against the gateway path.
 */
function postJson(agent: Agent, url: string, headers: Record<string, string>, body: string): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Reads the JSON body, gets the document, answers its data: what any HTTP path holding the read costs at least. */
async function answerWithRead(body: AsyncIterable<Buffer>, read: () => Promise<{ data(): unknown }>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk);
  JSON.parse(Buffer.concat(chunks).toString('utf8'));
  return JSON.stringify({ data: { resource: (await read()).data() } });
}

const throughput = async (seconds: number, call: () => Promise<unknown>) => (await measure(seconds, call)).perSecond;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function benchApi(seconds = Number(process.argv[3] ?? 10)): Promise<void> {
  const emulators = await benchEmulators({ STORAGE_BUCKET: 'bench-api-content', LOG_LEVEL: 'ERROR' });
  const keys = await createIssuerKeys();
  const jwks = await serveJwks(keys);
  Object.assign(process.env, issuerEnv(jwks.url));
  const stack = await startStack({ port: 0, deployables: deployables.filter((d) => d.name === 'resources') });
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const floors: Server[] = [];
  try {
    const token = await mintToken(keys, { user: '3f1c2d9e-8a6b-4c1e-9f3a-5b7d2e4c6a80', name: 'Ada Lovelace' });
    const post = (endpoint: string, data: unknown) =>
      postJson(
        agent,
        `${stack.url}/ops/${endpoint}`,
        { authorization: `Bearer ${token}` },
        JSON.stringify({ data, event: { id: 'bench', date: Date.now() } }),
      );
    const created = JSON.parse((await post('resource:create', { resource: { title: 'Bench' } })).body.toString('utf8')) as {
      data: { resource: { id: string } };
    };
    const id = created.data.resource.id;
    const doc = firestore().collection(Collections.resources).doc(id);
    const getOf = (resource: string) => async () => {
      const res = await post('resource:get', { resource });
      if (res.status !== 200) throw new Error(`resource:get answered ${res.status}`);
    };
    const gatewayGet = getOf(id);
    // a second resource with one reaction, as the reactions family leaves it (marked, and the reaction's own document)
    const reacted = JSON.parse((await post('resource:create', { resource: { title: 'Reacted' } })).body.toString('utf8')) as typeof created;
    const reactedDoc = firestore().collection(Collections.resources).doc(reacted.data.resource.id);
    await reactedDoc.update({ reacted: true });
    await reactedDoc
      .collection(Collections.reactions)
      .doc('bench-reactor')
      .set({ userId: 'bench-reactor', reaction: 'like', updated: Date.now() });
    const principal = await verifyToken(token);
    const read = () => doc.get();
    const floorHttp = createServer((req, res) => {
      void answerWithRead(req, read).then((json) => res.writeHead(200, { 'content-type': 'application/json' }).end(json));
    });
    registerHttp('bench-floor', async (req, res) => {
      res.json({ data: { resource: (await read()).data() } });
    });
    const floorFramework = getTestServer('bench-floor');
    floors.push(floorHttp, floorFramework);
    const floorUrls = { http: await listen(floorHttp), framework: await listen(floorFramework) };
    const floorGet = (url: string) => async () => {
      const res = await postJson(agent, `${url}/`, {}, JSON.stringify({ data: { resource: id } }));
      if (res.status !== 200) throw new Error(`floor answered ${res.status}`);
    };
    const paths: Record<Path, () => Promise<unknown>> = {
      bare: read,
      http: floorGet(floorUrls.http),
      framework: floorGet(floorUrls.framework),
      gateway: gatewayGet,
      reacted: getOf(reacted.data.resource.id),
    };

    // warm every path (connections, JIT, compiled schemas, key set)
    for (const call of Object.values(paths)) await throughput(1, call);

    const rounds: Record<Path, Rate>[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const rates: Partial<Record<Path, Rate>> = {};
      for (const [path, call] of Object.entries(paths)) rates[path as Path] = await measure(seconds / ROUNDS, call);
      rounds.push(rates as Record<Path, Rate>);
    }
    const perSecond = (path: Path) => median(rounds.map((r) => r[path].perSecond));
    const gateway = perSecond('gateway');
    const steps = {
      'token check (a repeated token: cached)': await throughput(seconds / 4, () => verifyTokenCached(token)),
      'token check (a new token: signature)': await throughput(seconds / 4, () => verifyToken(token)),
      profile: await throughput(seconds / 4, () => ensureUserProfile(principal)),
      'access (read + rules)': await throughput(seconds / 4, () => getInNetwork(principal, id, principal.networkId)),
      'reaction count (a resource reacted to only)': await throughput(seconds / 4, () => countReactions(id)),
      validation: await throughput(seconds / 4, async () => validateRequest(getRequest, { resource: id })),
    };

    const perRequestMs = 1000 / gateway;
    const rows = Object.entries(steps).map(([step, rate]) => {
      const ms = 1000 / rate;
      return { step, 'ms per call': ms.toFixed(3), 'share of a request': `${((100 * ms) / perRequestMs).toFixed(1)}%` };
    });
    // a request checks a repeated token from the cache, and counts reactions only on a resource reacted to: those lines add nothing
    const measured = rows
      .filter((r) => !r.step.includes('signature') && !r.step.includes('reacted to only'))
      .reduce((sum, r) => sum + Number(r['ms per call']), 0);
    rows.push({
      step: 'routing (gateway, HTTP, envelopes; the rest)',
      'ms per call': (perRequestMs - measured).toFixed(3),
      'share of a request': `${((100 * (perRequestMs - measured)) / perRequestMs).toFixed(1)}%`,
    });

    const ratioOf = (path: Path) => median(rounds.map((r) => r[path].perSecond / r.bare.perSecond));
    const ratio = ratioOf('gateway');
    const cpu = (path: Path) => median(rounds.map((r) => r[path].cpuMsPerCall)).toFixed(2);
    const row = (path: Path, label: string) => ({
      path: label,
      'calls/s': Math.round(perSecond(path)),
      'CPU ms/call': cpu(path),
      ratio: `${ratioOf(path).toFixed(2)}x`,
    });
    process.stdout.write(
      `resource:get, ${CONCURRENCY} concurrent callers, ${seconds} s each in ${ROUNDS} alternating rounds, same emulator document; ratio: median of the rounds\n`,
    );
    console.table([
      row('bare', 'bare Firestore get (baseline)'),
      row('http', 'floor: node:http server, one get'),
      row('framework', 'floor: functions-framework function, one get'),
      { ...row('gateway', 'gateway + resources function'), target: ratio >= TARGET ? `>= ${TARGET}x ok` : `< ${TARGET}x MISSED` },
      row('reacted', 'the same, a resource reacted to (counted)'),
    ]);
    process.stdout.write(
      `rounds (gateway/bare): ${rounds.map((r) => (r.gateway.perSecond / r.bare.perSecond).toFixed(2)).join(', ')}; CPU ms/call: this process (callers, gateway, function, client), not the emulator\n`,
    );
    process.stdout.write(
      `gateway against the framework floor: ${(ratio / ratioOf('framework')).toFixed(2)}x (what the gateway and our request path keep of it)\n`,
    );
    process.stdout.write('steps, each alone at the same concurrency, against one gateway request\n');
    console.table(rows);
  } finally {
    agent.destroy();
    await stack.stop();
    await closeServers([jwks.server, ...floors]);
    await closeClients();
    await emulators.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchApi(Number(process.argv[2] ?? 10));
