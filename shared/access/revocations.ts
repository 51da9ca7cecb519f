import type { AccessRecheck, OutboxEntry, StagedEvent } from '../events/message.js';
import { REVOKE_ENDPOINT, type RevokeData } from '../events/revocation.js';
import { withRecheck } from '../events/outbox.js';
import { forgetSubscriptions, subscribersOf, subscriptionsOf } from '../events/subscriptions.js';
import { resources } from '../resources/collection.js';
import type { EventPublisher } from '../registry/types.js';
import { log } from '../log.js';
import { mayBeOnChannel } from './channels.js';
import { recordQuery } from '../gcp/query-shapes.js';
import { randomUUID } from 'node:crypto';

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

function addAll(map: ChannelUsers, more: ChannelUsers): void {
  for (const [channel, users] of more) for (const user of users) add(map, channel, user);
}

/** Re-checks each (channel, user) with the same rules as joining: the pairs that may no longer be. */
async function lostAccess(candidates: ChannelUsers): Promise<ChannelUsers> {
  const pairs = [...candidates].flatMap(([channel, users]) => [...users].map((user) => [channel, user] as const));
  const verdicts = await Promise.all(pairs.map(([channel, user]) => mayBeOnChannel(user, channel)));
  const lost: ChannelUsers = new Map();
  pairs.forEach(([channel, user], i) => {
    if (!verdicts[i]) add(lost, channel, user);
  });
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
 * The resources an entry's events name on their `resource:{id}` channels, and those of them
 * known to have nothing below (a `resource:updated` whose resource is not a directory).
 */
function resourcesNamed(events: StagedEvent[]): { ids: string[]; leaves: Set<string> } {
  const ids: string[] = [];
  const leaves = new Set<string>();
  for (const e of events) {
    if (!e.channel.startsWith('resource:')) continue;
    const id = e.channel.slice('resource:'.length);
    ids.push(id);
    const resource = (e.data as { resource?: { data?: { directory?: unknown } } } | undefined)?.resource;
    if (e.endpoint === 'resource:updated' && resource && !resource.data?.directory) leaves.add(id);
  }
  return { ids, leaves };
}

/**
 * The (channel, user) pairs an entry's re-check names: `before`, from the resources it touches,
 * whose revocations precede the change's events (a socket that loses a resource never sees its
 * new state); `after`, from lost memberships, whose revocations follow them (the removed user
 * still learns of the removal or deletion).
 */
async function candidatesOf(recheck: AccessRecheck, events: StagedEvent[]): Promise<{ before: ChannelUsers; after: ChannelUsers }> {
  const named = resourcesNamed(events);
  const users = [...new Set(recheck.users ?? [])];
  const [resourceSubscribers, channelSubscribers, userSubscriptions] = await Promise.all([
    recheck.resources && resourceTreeChannels([...recheck.resources, ...named.ids], named.leaves).then(subscribersOf),
    recheck.channels?.length ? subscribersOf(recheck.channels) : undefined,
    users.length > 0 ? subscriptionsOf(users) : undefined,
  ]);
  const before: ChannelUsers = new Map();
  const after: ChannelUsers = new Map();
  if (resourceSubscribers) addAll(before, resourceSubscribers);
  if (channelSubscribers) addAll(after, channelSubscribers);
  if (userSubscriptions) {
    addAll(after, userSubscriptions);
    for (const channel of recheck.channels ?? []) for (const user of users) add(after, channel, user);
  }
  for (const [channel, users] of before) for (const user of users) after.get(channel)?.delete(user);
  return { before, after };
}

const revocationEvents = (lost: ChannelUsers): StagedEvent[] =>
  [...lost]
    .filter(([, users]) => users.size > 0)
    .map(([channel, users]) => ({
      id: randomUUID(),
      endpoint: REVOKE_ENDPOINT,
      channel,
      data: { users: [...users] } satisfies RevokeData,
    }));

/**
 * A committed entry with its revocations: the entry's re-check is worked out against the state
 * after the commit, and a `relay:revoke` goes out for every (channel, users) that lost access (see
 * candidatesOf for where it goes among the entry's events). The lost subscriptions are forgotten.
 * Called by whoever publishes the entry (the function after its commit, or the sequencer's
 * sweeper when the function died), so a revocation is never lost with its change.
 */
export async function withRevocations(entry: OutboxEntry): Promise<OutboxEntry> {
  if (!entry.recheck) return entry;
  const candidates = await candidatesOf(entry.recheck, entry.events);
  const [before, after] = await Promise.all([lostAccess(candidates.before), lostAccess(candidates.after)]);
  if (before.size === 0 && after.size === 0) return entry;
  const lost: ChannelUsers = new Map();
  addAll(lost, before);
  addAll(lost, after);
  await forgetSubscriptions(lost);
  return { ...entry, events: [...revocationEvents(before), ...entry.events, ...revocationEvents(after)] };
}

/**
 * Runs a change that can take resources out of someone's sight (a move, a deletion, a new
 * privacy): its commits carry a re-check of the channels of `ids` and of every resource their
 * `resource:{id}` events name, and of everything below them (see withRevocations).
 */
export function guardResourceAccess<C extends { events: EventPublisher }, T>(
  ctx: C,
  ids: string[],
  change: (ctx: C) => Promise<T>,
): Promise<T> {
  return change({ ...ctx, events: withRecheck(ctx.events, { resources: ids }) });
}
