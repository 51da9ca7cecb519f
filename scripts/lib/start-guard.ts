import { readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** Why `npm start` cannot run, in one plain sentence; undefined when it can. */
export type Refusal = string | undefined;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface StateLock {
  release(): void;
}

/**
 * Takes `<stateDir>/start.lock` (it holds the pid of the `npm start` using the folder). A lock of a
 * process that is gone is taken over; a live one is a refusal.
 */
export function lockStateDir(stateDir: string): { lock?: StateLock; refusal: Refusal } {
  mkdirSync(stateDir, { recursive: true });
  const file = join(stateDir, 'start.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
      return { refusal: undefined, lock: { release: () => releaseIfOurs(file) } };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const holder = Number.parseInt(readFileSync(file, 'utf8'), 10);
    if (Number.isInteger(holder) && holder !== process.pid && alive(holder)) {
      return { refusal: `another npm start (pid ${holder}) is using ${stateDir}: stop it first, or set LOCAL_STATE_DIR to another folder` };
    }
    rmSync(file, { force: true });
  }
  return { refusal: `could not take the lock ${file}` };
}

function releaseIfOurs(file: string): void {
  try {
    if (Number.parseInt(readFileSync(file, 'utf8'), 10) === process.pid) rmSync(file, { force: true });
  } catch {
    // already gone
  }
}

/** Whether 127.0.0.1:port can be listened on, checked by listening on it for a moment. */
export function portRefusal(port: number): Promise<Refusal> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', (err: NodeJS.ErrnoException) =>
      resolve(
        err.code === 'EADDRINUSE'
          ? `port ${port} is already in use: stop what listens there, or run PORT=<free port> npm start`
          : `cannot listen on 127.0.0.1:${port} (${err.code ?? err.message})`,
      ),
    );
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(undefined)));
  });
}
