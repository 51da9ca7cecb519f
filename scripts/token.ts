/** Prints one JWT that the running local stack accepts; `npm run --silent token -- --help` lists the flags. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { mintToken, readIssuerKeys } from './lib/issuer.js';
import { stateDir } from './lib/paths.js';

const flags = {
  user: { type: 'string', value: '<id>', help: 'required: the token subject, a UUID (other strings become a UUID v5 user id)' },
  name: { type: 'string', value: '<name>', help: 'display name claim (the user profile is created from it)' },
  email: { type: 'string', value: '<email>', help: 'email claim' },
  scope: { type: 'string', value: '"<a> <b>"', help: 'space-separated scopes, e.g. "workspace_ressources manage_ressources" (seed 004)' },
  network: { type: 'string', value: '<id>', help: 'networkId claim' },
  admin: { type: 'boolean', help: 'admin claim' },
  workspace: { type: 'boolean', help: 'a workspace token (seed 004): --user is then the workspace room id' },
  ttl: { type: 'string', value: '<seconds>', help: 'lifetime in seconds (default 43200, 12 h)' },
  help: { type: 'boolean', short: 'h', help: 'print this help' },
} as const;

function usage(): string {
  const lines = Object.entries(flags).map(([name, f]) => `  --${name}${'value' in f ? ' ' + f.value : ''}`.padEnd(30) + f.help);
  return [
    'usage: npm run --silent token -- --user <uuid> [flags]',
    'Mints a token signed by the local issuer of npm start (its keys are in .local/state; start the stack once first).',
    '',
    ...lines,
    '',
  ].join('\n');
}

const options = Object.fromEntries(
  Object.entries(flags).map(([name, f]) => [name, { type: f.type, ...('short' in f ? { short: f.short } : {}) }]),
) as ParseArgsConfig['options'];
let values: Record<string, string | boolean | undefined>;
try {
  values = parseArgs({ options, strict: true }).values as typeof values;
} catch (err) {
  process.stderr.write(`${(err as Error).message}\n\n${usage()}`);
  process.exit(2);
}

if (values.help) {
  process.stdout.write(usage());
  process.exit(0);
}
if (typeof values.user !== 'string' || values.user === '') {
  process.stderr.write(`--user is required\n\n${usage()}`);
  process.exit(2);
}
const ttl = typeof values.ttl === 'string' ? Number(values.ttl) : undefined;
if (ttl !== undefined && !(Number.isInteger(ttl) && ttl > 0)) {
  process.stderr.write(`--ttl must be a positive number of seconds, not ${String(values.ttl)}\n`);
  process.exit(2);
}

const keys = await readIssuerKeys(stateDir).catch((err: Error) => {
  process.stderr.write(`${err.message}\n`);
  process.exit(1);
});
const str = (v: string | boolean | undefined) => (typeof v === 'string' ? v : undefined);
const token = await mintToken(keys, {
  user: values.user,
  name: str(values.name),
  email: str(values.email),
  scope: str(values.scope),
  admin: values.admin === true,
  workspace: values.workspace === true,
  networkId: str(values.network),
  ttl,
});
process.stdout.write(token + '\n');
