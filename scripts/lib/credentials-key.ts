import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** A fresh CREDENTIALS_ENCRYPTION_KEY value: 32 random bytes, base64. */
export const newCredentialsKey = (): string => randomBytes(32).toString('base64');

/** The local stack's key, kept beside the issuer keys so sealed credentials survive restarts. */
export async function loadOrCreateCredentialsKey(stateDir: string): Promise<string> {
  const file = join(stateDir, 'credentials-key');
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    const key = newCredentialsKey();
    await mkdir(stateDir, { recursive: true });
    await writeFile(file, key, { mode: 0o600 });
    return key;
  }
}
