/** Prints one JWT that the running local stack accepts: npm run --silent token -- --user <uuid> [--name N] [--email E] [--scope "a b"] [--admin] */
import { parseArgs } from 'node:util';
import { mintToken, readIssuerKeys } from './lib/issuer.js';
import { stateDir } from './lib/paths.js';

const { values } = parseArgs({
  options: {
    user: { type: 'string' },
    name: { type: 'string' },
    email: { type: 'string' },
    scope: { type: 'string' },
    network: { type: 'string' },
    admin: { type: 'boolean', default: false },
    workspace: { type: 'boolean', default: false },
    ttl: { type: 'string' },
  },
});

if (!values.user) {
  process.stderr.write('usage: npm run --silent token -- --user <uuid> [--name N] [--email E] [--scope "a b"] [--network ID] [--admin] [--workspace] [--ttl SECONDS]\n');
  process.exit(2);
}

const keys = await readIssuerKeys(stateDir);
const token = await mintToken(keys, {
  user: values.user,
  name: values.name,
  email: values.email,
  scope: values.scope,
  admin: values.admin,
  workspace: values.workspace,
  networkId: values.network,
  ttl: values.ttl ? Number(values.ttl) : undefined,
});
process.stdout.write(token + '\n');
