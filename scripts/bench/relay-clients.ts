/**
 * Benchmark child: opens many WebSocket clients to one server (bounded concurrency), optionally
 * authenticated and subscribed, then reports over IPC when every one of them has received the
 * event of a round.
 */
import { WebSocket } from 'ws';
import { BENCH_SUBSCRIBE } from './relay-family.js';

export interface ClientsPlan {
  url: string;
  /** one token per socket; absent for the bare server */
  tokens?: string[];
  count: number;
  subscribe: boolean;
}
export type ClientsCommand = { cmd: 'connect'; plan: ClientsPlan } | { cmd: 'expect'; position: number } | { cmd: 'close' };
export type ClientsReply =
  | { kind: 'connected'; ms: number }
  | { kind: 'expecting' }
  | { kind: 'received'; position: number; t: number }
  | { kind: 'failed'; message: string };

const OPENING_AT_ONCE = 200;
const now = () => performance.timeOrigin + performance.now();
const reply = (message: ClientsReply) => process.send!(message);

const sockets: WebSocket[] = [];
let expected = 0;
let received = 0;
let closing = false;

function onFrame(data: Buffer): void {
  const text = data.toString();
  if (!text.startsWith('{"type":"event"')) return;
  const position = Number(/"position":(\d+)/.exec(text)?.[1]);
  if (position !== expected) return;
  if (++received === sockets.length) reply({ kind: 'received', position, t: now() });
}

function open(plan: ClientsPlan, index: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const token = plan.tokens?.[index];
    const ws = new WebSocket(plan.url, { headers: token ? { authorization: `Bearer ${token}` } : {}, perMessageDeflate: false });
    ws.once('error', reject);
    ws.once('close', (code, reason) => reject(new Error(`socket ${index} closed: ${code} ${reason.toString()}`)));
    ws.once('open', () => {
      sockets.push(ws);
      ws.once('close', (code, reason) => {
        if (!closing) reply({ kind: 'failed', message: `socket ${index} was closed by the server: ${code} ${reason.toString()}` });
      });
      if (!plan.subscribe) {
        ws.on('message', onFrame);
        return resolve();
      }
      ws.send(JSON.stringify({ endpoint: BENCH_SUBSCRIBE, data: {}, event: { id: `s${index}`, date: Date.now() } }));
      ws.once('message', (data: Buffer) => {
        const answer = JSON.parse(data.toString()) as { error?: { status: boolean; message: string } };
        if (answer.error?.status) return reject(new Error(`subscribe failed: ${answer.error.message}`));
        ws.on('message', onFrame);
        resolve();
      });
    });
  });
}

async function connect(plan: ClientsPlan): Promise<void> {
  const started = Date.now();
  let next = 0;
  const worker = async () => {
    while (next < plan.count) await open(plan, next++);
  };
  await Promise.all(Array.from({ length: Math.min(OPENING_AT_ONCE, plan.count) }, worker));
  reply({ kind: 'connected', ms: Date.now() - started });
}

process.on('message', (message: ClientsCommand) => {
  if (message.cmd === 'connect') {
    connect(message.plan).catch((err: Error) => reply({ kind: 'failed', message: err.message }));
  } else if (message.cmd === 'expect') {
    expected = message.position;
    received = 0;
    reply({ kind: 'expecting' });
  } else {
    closing = true;
    for (const ws of sockets) ws.terminate();
    process.exit(0);
  }
});
process.on('disconnect', () => process.exit(0));
