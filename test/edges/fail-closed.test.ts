import { afterEach, describe, expect, it } from 'vitest';
import { freePort, productionEnv, startFunctionProcess, startRelayProcess, type Spawned } from './spawn.js';

const running: Spawned[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((p) => p.stop()));
});

function track(process: Spawned): Spawned {
  running.push(process);
  return process;
}

function parsed(lines: string[]): Array<Record<string, unknown>> {
  return lines.filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Record<string, unknown>);
}

// a spawned process pays a cold tsx start, slow on a loaded machine
const SPAWN_TIMEOUT = 120_000;

const configured = {
  AUTH_ISSUER: 'https://securetoken.google.com/fail-closed-test',
  AUDIENCE: 'fail-closed-test',
  AUTH_JWKS_URL: 'http://127.0.0.1:9/jwks',
};

describe('outside the emulators', () => {
  it(
    'an HTTP function without issuer, audience and JWKS URL refuses to start: one CRITICAL line, exit 1',
    async () => {
      const fn = track(startFunctionProcess('resources', await freePort(), productionEnv()));
      expect(await fn.exited).toBe(1);
      const entries = parsed(fn.lines);
      const refusal = entries.find((e) => e.severity === 'CRITICAL');
      expect(refusal).toMatchObject({
        message: expect.stringMatching(/refusing to start/),
        component: 'resources',
        missing: ['AUTH_ISSUER', 'AUTH_AUDIENCE', 'AUTH_JWKS_URL'],
      });
    },
    SPAWN_TIMEOUT,
  );

  it(
    'an unset AUTH_AUDIENCE alone is enough to refuse: the audience check is never skipped',
    async () => {
      const fn = track(
        startFunctionProcess(
          'chats-rooms',
          await freePort(),
          productionEnv({ AUTH_ISSUER: configured.AUTH_ISSUER, AUTH_JWKS_URL: configured.AUTH_JWKS_URL }),
        ),
      );
      expect(await fn.exited).toBe(1);
      expect(parsed(fn.lines).find((e) => e.severity === 'CRITICAL')).toMatchObject({ missing: ['AUTH_AUDIENCE'] });
    },
    SPAWN_TIMEOUT,
  );

  it(
    'the relay refuses to start the same way',
    async () => {
      const relay = track(startRelayProcess(productionEnv({ AUTH_ISSUER: configured.AUTH_ISSUER })));
      expect(await relay.exited).toBe(1);
      expect(parsed(relay.lines).find((e) => e.severity === 'CRITICAL')).toMatchObject({
        component: 'relay',
        missing: ['AUTH_AUDIENCE', 'AUTH_JWKS_URL'],
      });
    },
    SPAWN_TIMEOUT,
  );

  it(
    'a function with all three settings starts and serves',
    async () => {
      const port = await freePort();
      const fn = track(
        startFunctionProcess(
          'system',
          port,
          productionEnv({
            AUTH_ISSUER: configured.AUTH_ISSUER,
            AUTH_AUDIENCE: configured.AUDIENCE,
            AUTH_JWKS_URL: configured.AUTH_JWKS_URL,
          }),
        ),
      );
      await fn.line(/Serving function/);
      expect((await fetch(`http://127.0.0.1:${port}/health/live`)).status).toBe(204);
      expect(fn.child.exitCode).toBeNull();
    },
    SPAWN_TIMEOUT,
  );
});

describe('with the emulators', () => {
  it(
    'a function starts without token settings, as the local stack and the tests run it',
    async () => {
      const port = await freePort();
      const env = { ...process.env };
      for (const name of ['AUTH_ISSUER', 'AUTH_AUDIENCE', 'AUTH_JWKS_URL']) delete env[name];
      const fn = track(startFunctionProcess('system', port, env));
      await fn.line(/Serving function/);
      expect((await fetch(`http://127.0.0.1:${port}/health/live`)).status).toBe(204);
    },
    SPAWN_TIMEOUT,
  );
});
