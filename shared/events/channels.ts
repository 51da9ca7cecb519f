import type { ChannelKind } from '../registry/types.js';

const KINDS: readonly ChannelKind[] = ['user', 'resource', 'belonging', 'room'];
const CHANNEL = /^(user|resource|belonging|room):[^\s]{1,400}$/;

/** `user:{id}`, `resource:{id}`, `belonging:{belonging}` or `room:{id}`. */
export function isChannel(value: unknown): value is string {
  return typeof value === 'string' && CHANNEL.test(value);
}

export function channelKind(channel: string): ChannelKind | undefined {
  const kind = channel.slice(0, channel.indexOf(':')) as ChannelKind;
  return KINDS.includes(kind) ? kind : undefined;
}

export const userChannel = (userId: string) => `user:${userId}`;
