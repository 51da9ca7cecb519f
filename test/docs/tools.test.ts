import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Validator } from '@seriousme/openapi-schema-validator';
import openapiTS, { astToString } from 'openapi-typescript';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../scripts/lib/paths.js';
import { openApiDocument } from './documents.js';

const run = promisify(execFile);
const bin = (name: string) => join(repoRoot, 'node_modules', '.bin', name);
/** The linters must not phone home: no telemetry, no update check. */
const quietEnv = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', CI: 'true' };

describe('the generated documents pass third-party tools', () => {
  it('OpenAPI validates against the official OAS 3.1 schema', async () => {
    const result = await new Validator().validate(openApiDocument());
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('redocly lint (recommended rules) finds nothing beyond the waivers in .redocly.lint-ignore.yaml', async () => {
    // redocly.yaml names this path, and the ignore file's entries are keyed by it
    await mkdir(join(repoRoot, '.local', 'api-docs'), { recursive: true });
    await writeFile(join(repoRoot, '.local', 'api-docs', 'openapi.json'), JSON.stringify(openApiDocument(), null, 2));
    const outcome = await run(bin('redocly'), ['lint', '--format=json'], {
      cwd: repoRoot,
      env: quietEnv,
      maxBuffer: 32 * 1024 * 1024,
    }).then(
      ({ stdout }) => ({ code: 0, stdout }),
      (err: { code: number; stdout: string; stderr: string }) => ({ code: err.code, stdout: err.stdout + err.stderr }),
    );
    const report = JSON.parse(outcome.stdout.slice(outcome.stdout.indexOf('{'))) as {
      totals: { errors: number; warnings: number; ignored: number };
      problems: Array<{ ruleId: string; message: string; location: Array<{ pointer: string }> }>;
    };
    expect(report.problems.map((p) => `${p.ruleId} ${p.location[0]?.pointer}: ${p.message}`)).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
    expect(outcome.code).toBe(0);
  }, 120_000);

  it('AsyncAPI parses with @asyncapi/parser without errors or warnings', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', join(repoRoot, 'test', 'docs', 'parse-asyncapi.ts')], {
      cwd: repoRoot,
      maxBuffer: 8 * 1024 * 1024,
    });
    const outcome = JSON.parse(stdout) as { problems: string[]; operations: number; resourceGetReplies: number };
    expect(outcome.problems).toEqual([]);
    expect(outcome.operations).toBeGreaterThan(50);
    expect(outcome.resourceGetReplies).toBe(1);
  }, 600_000);

  it('types generated with openapi-typescript accept the bodies the server accepts and reject wrong ones', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'openapi-types-'));
    try {
      await writeFile(join(dir, 'api.ts'), astToString(await openapiTS(openApiDocument() as never)));
      await writeFile(
        join(dir, 'bodies.ts'),
        [
          "import type { paths } from './api';",
          "type Body<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;",
          "const room = '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b';",
          "export const ranks: Body<'/rooms/workspaces/rank', 'put'> = [{ roomId: room, rank: 1 }];",
          "export const channelRanks: Body<'/rooms/workspaces/{workspaceId}/channels/rank', 'put'> = [{ roomId: room, rank: 2 }];",
          "export const forward: Body<'/rooms/{roomId}/forward', 'post'> = [{ originalMessage: 'hello' }];",
          "export const update: Body<'/rooms/{roomId}', 'put'> = { name: 'Renamed' };",
          "export const members: Body<'/rooms/{roomId}/members', 'post'> = { userId: room, owner: false, historyCleared: false };",
          "export const ressource: Body<'/ressource/{ressourceId}', 'put'> = { avatar: room };",
          '// @ts-expect-error a rank needs its room',
          "export const wrong: Body<'/rooms/workspaces/rank', 'put'> = [{ rank: 1 }];",
          "type MuteBody = paths['/rooms/{roomId}/mute']['put']['requestBody'];",
          'export const mute: MuteBody = undefined;',
          '// @ts-expect-error mute takes no body',
          'export const muteWithBody: MuteBody = {};',
          '',
        ].join('\n'),
      );
      const tsc = await run(
        bin('tsc'),
        [
          '--noEmit',
          '--strict',
          '--skipLibCheck',
          '--target',
          'es2022',
          '--module',
          'esnext',
          '--moduleResolution',
          'bundler',
          join(dir, 'bodies.ts'),
        ],
        {
          cwd: dir,
        },
      ).then(
        () => '',
        (err: { stdout: string }) => err.stdout,
      );
      expect(tsc).toBe('');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
