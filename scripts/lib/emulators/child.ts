import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { log } from '../../../shared/log.js';

const TAIL_LINES = 40;
const STOP_GRACE_MS = 5_000;
const OUTPUT_FLUSH_MS = 500;

/**
 * Runs "$@" and ends it when our end of its stdin pipe closes, i.e. when this process is gone
 * however it died (SIGKILL included); exits with the command's status.
 */
const PARENT_GUARD = `
exec 3<&0
"$@" </dev/null 3<&- &
pid=$!
{ read -r _ <&3; kill -TERM "$pid" 2>/dev/null; } &
watcher=$!
trap 'kill -TERM "$pid" 2>/dev/null' TERM INT HUP
wait "$pid"; status=$?
while kill -0 "$pid" 2>/dev/null; do wait "$pid"; status=$?; done
kill "$watcher" 2>/dev/null
exit "$status"
`;

export interface SpawnSpec {
  /** short name used in logs and errors: firestore, pubsub, storage */
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  /**
   * Node children: an IPC channel, which also tells the child when this process is gone.
   * Other children run under a small shell guard that ends them when this process is gone.
   */
  ipc?: boolean;
  /** what to tell the user when `command` itself does not exist */
  missingCommandHint?: string;
}

/**
 * An emulator running in its own process group, so that stopping it also ends whatever it spawned.
 * Its output is logged at DEBUG and its last lines are kept for error messages.
 */
export class EmulatorChild {
  readonly process: ChildProcess;
  readonly exited: Promise<void>;
  /** resolves once the child's output streams are closed (after `exited`, unless a grandchild holds them) */
  readonly outputClosed: Promise<void>;
  private readonly tail: string[] = [];
  private exitDescription: string | undefined;
  private spawnError: Error | undefined;

  constructor(readonly spec: SpawnSpec) {
    const [command, args] = spec.ipc ? [spec.command, spec.args] : ['/bin/sh', ['-c', PARENT_GUARD, 'sh', spec.command, ...spec.args]];
    this.process = spawn(command, args, {
      env: spec.env ?? process.env,
      // its own process group: stop() signals the group, and a Ctrl-C meant for us is not theirs
      detached: true,
      stdio: spec.ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['pipe', 'pipe', 'pipe'],
    });
    this.exited = new Promise((resolve) => {
      this.process.once('exit', (code, signal) => {
        this.exitDescription = signal ? `killed by ${signal}` : `exited with code ${code}`;
        if (code === 127 && spec.missingCommandHint) {
          this.spawnError = new Error(`${spec.name} emulator cannot start: ${spec.command} not found; ${spec.missingCommandHint}`);
        }
        live.delete(this);
        resolve();
      });
      this.process.once('error', (error: NodeJS.ErrnoException) => {
        this.spawnError =
          error.code === 'ENOENT' && spec.missingCommandHint
            ? new Error(`${spec.name} emulator cannot start: ${spec.command} not found; ${spec.missingCommandHint}`)
            : error;
        this.exitDescription = `failed to start: ${error.message}`;
        live.delete(this);
        resolve();
      });
    });
    this.outputClosed = new Promise((resolve) => this.process.once('close', () => resolve()));
    this.follow(this.process.stdout);
    this.follow(this.process.stderr);
    live.add(this);
    installExitSafetyNet();
  }

  get running(): boolean {
    return this.exitDescription === undefined;
  }

  /** An error naming the emulator, what happened to it, and its last output lines. */
  failure(reason: string): Error {
    if (this.spawnError) return this.spawnError;
    const state = this.exitDescription ? ` (process ${this.exitDescription})` : '';
    const output = this.tail.length ? `\nlast output:\n${this.tail.join('\n')}` : '';
    return new Error(`${this.spec.name} emulator: ${reason}${state}${output}`);
  }

  outputIncludes(text: string): boolean {
    return this.tail.some((line) => line.includes(text));
  }

  /** SIGTERM to the whole process group, SIGKILL after a grace period; resolves once the child is gone. */
  async stop(graceMs = STOP_GRACE_MS): Promise<void> {
    if (!this.running) return;
    signalGroup(this.process, 'SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const graceOver = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), graceMs)));
    const outcome = await Promise.race([this.exited.then(() => 'exited' as const), graceOver]);
    clearTimeout(timer);
    if (outcome === 'timeout') {
      log.warn('emulator did not stop in time, killing it', { emulator: this.spec.name, graceMs });
      signalGroup(this.process, 'SIGKILL');
      await this.exited;
    }
    // the leader may be gone while helpers of its group linger
    signalGroup(this.process, 'SIGKILL');
  }

  private follow(stream: Readable | null) {
    if (!stream) return;
    createInterface({ input: stream }).on('line', (line) => {
      this.tail.push(line);
      if (this.tail.length > TAIL_LINES) this.tail.shift();
      log.debug('emulator output', { emulator: this.spec.name, line });
    });
  }
}

/**
 * Polls `probe` until it answers true. Fails early, with the emulator's last output, if the child
 * exits; on timeout the child is stopped.
 */
export async function waitUntilReady(child: EmulatorChild, probe: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!child.running) {
      await Promise.race([child.outputClosed, delay(OUTPUT_FLUSH_MS)]);
      throw child.failure('exited before it was ready');
    }
    if (await probe().catch(() => false)) return;
    await Promise.race([child.exited, delay(50)]);
  }
  await child.stop();
  throw child.failure(`not ready after ${timeoutMs} ms`);
}

/** true when an HTTP GET of `url` answers 200 within a short time */
export async function answersOk(url: string): Promise<boolean> {
  const response = await fetch(url, { signal: AbortSignal.timeout(1_000) });
  await response.arrayBuffer();
  return response.ok;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // group already gone
  }
}

/** Children still running when this process exits (e.g. a crash) are killed rather than orphaned. */
const live = new Set<EmulatorChild>();
let safetyNetInstalled = false;
function installExitSafetyNet() {
  if (safetyNetInstalled) return;
  safetyNetInstalled = true;
  process.once('exit', () => {
    for (const child of live) signalGroup(child.process, 'SIGKILL');
  });
}
