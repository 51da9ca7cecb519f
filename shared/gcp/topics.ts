import { env } from '../config.js';
import { pubsub } from './clients.js';
import { isAlreadyExists } from './status-codes.js';

const known = new Set<string>();

/**
 * Production topics are declared in Terraform; against the emulator they are created on first use,
 * so the local stack and each test project need no separate provisioning step.
 */
export async function ensureTopic(name: string): Promise<string> {
  const key = `${pubsub().projectId}/${name}`;
  if (known.has(key) || !env('PUBSUB_EMULATOR_HOST')) return name;
  const [exists] = await pubsub().topic(name).exists();
  if (!exists) {
    try {
      await pubsub().createTopic(name);
    } catch (err) {
      if (!isAlreadyExists(err)) throw err; // created concurrently
    }
  }
  known.add(key);
  return name;
}
