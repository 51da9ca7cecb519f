import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Git-ignored state of the local stack: emulator data, issuer keys. */
export const stateDir = process.env.LOCAL_STATE_DIR ?? join(repoRoot, '.local', 'state');
