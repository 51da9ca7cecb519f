import type { Principal } from '../auth/principal.js';
import { ApiError } from '../errors/api-error.js';
import { channelKind } from '../events/channels.js';
import { readResource } from '../resources/collection.js';
import { DEFAULT_NETWORK } from '../resources/networks.js';
import { requireReadableBelonging } from './belongings.js';
import { mayReadResource } from './resources.js';
import { roomRights } from './rooms.js';

/** The rights of a user who is not the caller, for re-checking their channels (no scopes, no token). */
export function principalOf(userId: string): Principal {
  return { userId, subject: userId, networkId: DEFAULT_NETWORK, scopes: [], admin: false, token: '' };
}

/**
 * Whether the user may (still) be on the channel: the same rules as the calls that join it —
 * `resource:{id}` a readable resource, `belonging:{b}` a readable belonging, `room:{id}` membership.
 */
export async function mayBeOnChannel(userId: string, channel: string): Promise<boolean> {
  const target = channel.slice(channel.indexOf(':') + 1);
  const principal = principalOf(userId);
  switch (channelKind(channel)) {
    case 'user':
      return target === userId;
    case 'resource': {
      const doc = await readResource(target);
      return doc !== undefined && (await mayReadResource(principal, doc));
    }
    case 'belonging':
      try {
        await requireReadableBelonging(principal, target);
        return true;
      } catch (err) {
        if (err instanceof ApiError && err.status < 500) return false;
        throw err;
      }
    case 'room':
      return (await roomRights(principal, target)).member;
    default:
      return false;
  }
}
