import type { ReactionRecord } from './store/reactions.js';

/** A reaction as its room event shows it, with the seed 002 User Simple of who set it. */
export const reactionView = (record: ReactionRecord, fromUser: Record<string, unknown>) => ({
  updated: record.updated,
  reaction: record.reaction,
  fromUser,
});

/** Reactions as seed 002's `[userId, reaction]` pairs. */
export const reactionPairs = (list: ReactionRecord[]) => list.map((r) => [r.userId, r.reaction]);
