import type { PendingEvent } from '../events/message.js';
import { revoke } from '../events/revocation.js';
import { forgetSubscriptions, subscribersOf, subscriptionsOf } from '../events/subscriptions.js';
import { resources } from '../resources/collection.js';
import type { EventPublisher } from '../registry/types.js';
import { log } from '../log.js';
import { mayBeOnChannel } from './channels.js';
import { recordQuery } from '../gcp/query-shapes.js';

/** channel -> users */
export type ChannelUsers = Map<string, Set<string>>;

/** Most resources of one moved/deleted tree whose channels are re-checked; beyond, the rest keep their subscribers (logged). */
const MAX_TREE_RESOURCES = 5000;
const IN_LIMIT = 30;

function add(map: ChannelUsers, channel: string, user: string): void {
  let users = map.get(channel);
  if (!users) map.set(channel, (users = new Set()));
  users.add(user);
}

/**
 * Re-checks each (channel, user) with the same rules as joining, and revokes the channel for the
 * users who may no longer be on it. Call after the change committed.
 */
async function revokeLostAccess(ctx: { events: EventPublisher }, candidates: ChannelUsers): Promise<ChannelUsers> {
  const pairs = [...candidates].flatMap(([channel, users]) => [...users].map((user) => [channel, user] as const));
  const verdicts = await Promise.all(pairs.map(([channel, user]) => mayBeOnChannel(user, channel)));
  const lost: ChannelUsers = new Map();
  pairs.forEach(([channel, user], i) => {
    if (!verdicts[i]) add(lost, channel, user);
  });
  for (const [channel, users] of lost) revoke(ctx, channel, users);
  if (lost.size > 0) await forgetSubscriptions(lost);
  return lost;
}

/**
 * `resource:{id}` of the resources and of everything below them, and `belonging:directory:{id}` of
 * the directories among them. `leaves`: ids known not to be directories (nothing to look up below).
 */
async function resourceTreeChannels(ids: Iterable<string>, leaves: ReadonlySet<string> = new Set()): Promise<string[]> {
  const seen = new Set<string>();
  let frontier = [...new Set(ids)];
  while (frontier.length > 0 && seen.size < MAX_TREE_RESOURCES) {
    for (const id of frontier) seen.add(id);
    const belongings = frontier.filter((id) => !leaves.has(id)).map((id) => `directory:${id}`);
    const found: string[] = [];
    for (let i = 0; i < belongings.length; i += IN_LIMIT) {
      const snap = await recordQuery(
        resources()
          .where('belonging', 'in', belongings.slice(i, i + IN_LIMIT))
          .select(),
      ).get();
      found.push(...snap.docs.map((d) => d.id));
    }
    frontier = found.filter((id) => !seen.has(id));
  }
  if (frontier.length > 0) log.warn('resource tree too large: some channels are not re-checked', { limit: MAX_TREE_RESOURCES });
  return [...seen].flatMap((id) => [`resource:${id}`, `belonging:directory:${id}`]);
}

/**
 * Runs a change that can take resources out of someone's sight (a move, a deletion, a new
 * privacy), then removes from the channels of those resources (and of everything below them)
 * every subscriber who may no longer see them. The revocations go out before the change's own
 * events, so a removed socket never receives them. `ids`: the resources the change touches; the
 * resources named by the change's `resource:{id}` events are added.
 */
export async function guardResourceAccess<C extends { events: EventPublisher }, T>(
  ctx: C,
  ids: string[],
  change: (ctx: C) => Promise<T>,
): Promise<T> {
  const held: PendingEvent[] = [];
  const result = await change({ ...ctx, events: { emit: (endpoint, channel, data) => held.push({ endpoint, channel, data }) } });
  const touched = new Set(ids);
  const leaves = new Set<string>();
  for (const e of held) {
    if (!e.channel.startsWith('resource:')) continue;
    const id = e.channel.slice('resource:'.length);
    touched.add(id);
    // resource:updated carries the resource: one without data.directory has nothing below it
    const resource = (e.data as { resource?: { data?: { directory?: unknown } } } | undefined)?.resource;
    if (e.endpoint === 'resource:updated' && resource && !resource.data?.directory) leaves.add(id);
  }
  const candidates = await subscribersOf(await resourceTreeChannels(touched, leaves));
  await revokeLostAccess(ctx, candidates);
  for (const e of held) ctx.events.emit(e.endpoint, e.channel, e.data);
  return result;
}

/**
 * After users lost a membership (left or removed from a room, the room deleted): re-checks every
 * channel they joined, and `extra` channels (the room's own) for each of them.
 */
export async function revokeForUsers(
  ctx: { events: EventPublisher },
  userIds: Iterable<string>,
  extra: string[] = [],
): Promise<ChannelUsers> {
  const users = [...new Set(userIds)];
  if (users.length === 0) return new Map();
  const candidates = await subscriptionsOf(users);
  for (const channel of extra) for (const user of users) add(candidates, channel, user);
  return revokeLostAccess(ctx, candidates);
}
