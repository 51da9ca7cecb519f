/**
 * `npm run package`: stages what Cloud Functions builds from in `.deploy/source/` — the compiled
 * code (`dist/`), `package.json` and the lock file — for `infra/` to zip and upload. The staged
 * package.json has no scripts, so the Cloud Functions build installs the locked production
 * dependencies and compiles nothing. `--out <dir>` stages elsewhere (the deploy-source test does).
 */
import { execFileSync } from 'node:child_process';
import { copyFile, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { log } from '../shared/log.js';
import { repoRoot } from './lib/paths.js';

const { values: args } = parseArgs({ options: { out: { type: 'string' } } });
const stage = args.out ? resolve(args.out) : join(repoRoot, '.deploy', 'source');
const startedAt = Date.now();

await rm(stage, { recursive: true, force: true });
log.info('compiling', { tsconfig: 'tsconfig.build.json', outDir: join(stage, 'dist') });
execFileSync(
  join(repoRoot, 'node_modules', '.bin', 'tsc'),
  ['-p', 'tsconfig.build.json', '--outDir', join(stage, 'dist'), '--sourceMap', 'false'],
  {
    cwd: repoRoot,
    stdio: 'inherit',
  },
);

const manifest = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')) as Record<string, unknown>;
delete manifest.scripts;
await writeFile(join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
await copyFile(join(repoRoot, 'package-lock.json'), join(stage, 'package-lock.json'));
log.info('function source staged', { dir: stage, main: manifest.main, seconds: (Date.now() - startedAt) / 1000 });
