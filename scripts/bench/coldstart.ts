/**
 * Cold start benchmark: the import time of each built deployable (`dist/functions/<name>/index.js`,
 * after `npm run build`) in a fresh node process, against a hello-world function that imports
 * functions-framework and the same three Google clients, measured in the same run, interleaved.
 * Prints the median CPU time of several runs and the ratio; target <= 1.3x for HTTP functions and the relay.
 *
 * A function (the baseline included) is imported as Cloud Functions imports it: functions-framework's
 * `main` has already loaded its server (express, body-parser) and loader before it imports the
 * user's module, so that is done, untimed, first. The Cloud Run services (relay, sequencer) are
 * started by node itself: they are imported into a bare process, against the baseline imported
 * into a bare process too.
 *
 *   npm run build && npm run bench -- coldstart [runs]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { deployables } from '../../functions/manifest.js';
import { repoRoot } from '../lib/paths.js';

const TARGET = 1.3;
const dist = join(repoRoot, 'dist');

const HELLO = `import { http } from '@google-cloud/functions-framework';
import { Firestore } from '@google-cloud/firestore';
import { PubSub } from '@google-cloud/pubsub';
import { Storage } from '@google-cloud/storage';
export const clients = [Firestore, PubSub, Storage];
http('hello', (_req, res) => void res.send('hello'));
`;

/**
 * Milliseconds one fresh node process spends importing `file`: its CPU time (user + system), which
 * other processes competing for the machine's cores disturb far less than wall time.
 */
function importMs(file: string, underFramework: boolean): number {
  const framework = underFramework ? FRAMEWORK_PRELOAD : '';
  const script = `${framework}const c = process.cpuUsage(); await import(${JSON.stringify(pathToFileURL(file).href)}); const d = process.cpuUsage(c); process.stdout.write(String((d.user + d.system) / 1000)); process.exit(0);`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH, GOOGLE_CLOUD_PROJECT: 'demo-bench', METADATA_SERVER_DETECTION: 'none', LOG_LEVEL: 'ERROR' },
    encoding: 'utf8',
  });
  return Number(out);
}

/**
 * What functions-framework's `main` (build/src/main.js) requires before `getUserFunction` imports
 * the function: loader, invoker, server (express and the body parsers), options, logger.
 */
const FRAMEWORK_PRELOAD = `import { createRequire } from 'node:module'; { const r = createRequire(createRequire(import.meta.url).resolve('@google-cloud/functions-framework')); for (const m of ['./loader', './invoker', './server', './options', './logger']) r(m); } `;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function benchColdStart(runs = Number(process.argv[3] ?? 7)): Promise<void> {
  if (!existsSync(join(dist, 'functions', 'entry.js'))) throw new Error('dist/ is missing: run `npm run build` first');
  const baselineFile = join(dist, 'bench', 'hello-world', 'index.js');
  mkdirSync(join(dist, 'bench', 'hello-world'), { recursive: true });
  writeFileSync(baselineFile, HELLO);

  const subjects = [
    { name: 'hello-world (baseline)', kind: 'baseline', file: baselineFile },
    { name: 'hello-world (baseline, bare process)', kind: 'baseline-bare', file: baselineFile },
  ].concat(deployables.map((d) => ({ name: d.name, kind: d.kind, file: join(dist, d.entry.replace(/\.ts$/, '.js')) })));
  const times = new Map<string, number[]>(subjects.map((s) => [s.name, []]));
  const underFramework = (kind: string) => kind !== 'cloudrun' && kind !== 'baseline-bare';
  for (const s of subjects) importMs(s.file, underFramework(s.kind)); // warm the file system cache
  for (let run = 0; run < runs; run++) for (const s of subjects) times.get(s.name)!.push(importMs(s.file, underFramework(s.kind)));

  // each deployable against the baseline imported the same way: functions under the framework, Cloud Run services in a bare process
  const baseline = { framework: median(times.get(subjects[0].name)!), bare: median(times.get(subjects[1].name)!) };
  const rows = subjects.map((s) => {
    const ms = median(times.get(s.name)!);
    const ratio = ms / (underFramework(s.kind) ? baseline.framework : baseline.bare);
    const targeted = s.kind === 'http' || s.kind === 'cloudrun';
    return {
      deployable: s.name,
      kind: s.kind,
      'median ms': Math.round(ms),
      ratio: `${ratio.toFixed(2)}x`,
      target: targeted ? (ratio <= TARGET ? `<= ${TARGET}x ok` : `> ${TARGET}x MISSED`) : '',
    };
  });
  process.stdout.write(
    `cold import (CPU ms), median of ${runs} fresh processes each, in the same run against the hello-world baseline imported the same way (functions: after functions-framework's own start; Cloud Run services: a bare process)\n`,
  );
  console.table(rows);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchColdStart(Number(process.argv[2] ?? 7));
