import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { env } from '../config.js';
import { unavailable } from '../errors/api-error.js';

/**
 * Secrets kept in Firestore for users (OAuth tokens) are sealed with AES-256-GCM under
 * CREDENTIALS_ENCRYPTION_KEY, bound to the document they belong to (`context`, e.g. the user id),
 * so a database export or a copied field reveals nothing and opens nowhere else.
 * Format: `v1.<iv>.<ciphertext>.<tag>`, each part base64url.
 */
const VERSION = 'v1';

function key(): Buffer {
  const raw = env('CREDENTIALS_ENCRYPTION_KEY');
  if (!raw) throw unavailable('stored credentials are unavailable: CREDENTIALS_ENCRYPTION_KEY is not configured');
  const bytes = Buffer.from(raw, 'base64');
  if (bytes.length !== 32) throw new Error('configuration variable CREDENTIALS_ENCRYPTION_KEY must be 32 bytes in base64');
  return bytes;
}

export function seal(plaintext: string, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(), iv);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, iv, body, cipher.getAuthTag()].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
}

/** The plaintext, or undefined when the value was sealed for another context or another key. */
export function unseal(sealed: string, context: string): string | undefined {
  const [version, iv, body, tag] = sealed.split('.');
  if (version !== VERSION || !iv || body === undefined || !tag) return undefined;
  const decipher = createDecipheriv('aes-256-gcm', key(), Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(context));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}
