import { Timestamp } from '@google-cloud/firestore';
import { firestore } from '../gcp/clients.js';
import type { ChannelMembership } from '../registry/types.js';
import { channelKind } from './channels.js';
import { recordQuery, ttlExpiry } from '../gcp/query-shapes.js';
import { Collections } from '../data-layout.js';

/**
 * Who joined which channel, so that a change that ends access knows whose sockets to remove.
 * `channelSubscriptions/{channel}~{userId}` is written when a function joins a socket to a
 * channel whose access can end (not the user's own `user:{id}`), and deleted when the access is
 * revoked; Firestore TTL deletes entries not renewed for SUBSCRIPTION_DAYS.
 */
const SUBSCRIPTION_DAYS = 30;
/** Firestore answers `in` queries with at most 30 values. */
const IN_LIMIT = 30;

interface SubscriptionDoc {
  channel: string;
  userId: string;
  joined: number;
  expireAt: Timestamp;
}

const ref = (channel: string, userId: string) =>
  firestore()
    .collection(Collections.channelSubscriptions)
    .doc(`${encodeURIComponent(channel)}~${userId}`);

/** Whether losing access to the channel is possible (a user's own channel is always theirs). */
const revocable = (channel: string, userId: string) =>
  channelKind(channel) !== 'user' && channel !== `belonging:userSortingTable:${userId}`;

/** Joins the calling socket to a channel the caller was just checked to see, and remembers it. */
export async function joinChannel(ctx: { principal: { userId: string }; channels: ChannelMembership }, channel: string): Promise<void> {
  const { userId } = ctx.principal;
  if (revocable(channel, userId)) {
    const now = Date.now();
    const doc: SubscriptionDoc = {
      channel,
      userId,
      joined: now,
      expireAt: Timestamp.fromDate(ttlExpiry(Collections.channelSubscriptions, 'expireAt', now + SUBSCRIPTION_DAYS * 86_400_000)),
    };
    await ref(channel, userId).set(doc);
  }
  ctx.channels.join(channel);
}

function chunks<T>(values: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += IN_LIMIT) out.push(values.slice(i, i + IN_LIMIT));
  return out;
}

/** channel -> users, of the recorded joins whose `field` is one of `values`. */
async function joinsWhere(field: 'channel' | 'userId', values: Iterable<string>): Promise<Map<string, Set<string>>> {
  const result = new Map<string, Set<string>>();
  const snaps = await Promise.all(
    chunks([...new Set(values)]).map((list) =>
      recordQuery(firestore().collection(Collections.channelSubscriptions).where(field, 'in', list)).get(),
    ),
  );
  for (const snap of snaps) {
    for (const doc of snap.docs) {
      const { channel, userId } = doc.data() as SubscriptionDoc;
      let users = result.get(channel);
      if (!users) result.set(channel, (users = new Set()));
      users.add(userId);
    }
  }
  return result;
}

/** channel -> users who joined it. */
export const subscribersOf = (channels: Iterable<string>) => joinsWhere('channel', channels);

/** The channels the users joined (that access can end for), as channel -> those of the users on it. */
export const subscriptionsOf = (userIds: Iterable<string>) => joinsWhere('userId', userIds);

/** Forgets subscriptions whose access was revoked. */
export async function forgetSubscriptions(revoked: Map<string, Set<string>>): Promise<void> {
  const writer = firestore().bulkWriter();
  for (const [channel, users] of revoked) for (const userId of users) void writer.delete(ref(channel, userId)).catch(() => undefined);
  await writer.close();
}
