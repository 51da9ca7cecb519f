import type { Family } from '../../shared/registry/family.js';
import { defineEvent } from '../../shared/registry/types.js';
import { deleteReaction, getReactions, getUserOwnReaction, setReaction } from './operations.js';
import { reactionEventPayload } from './schemas.js';

export const reactionsFamily: Family = {
  name: 'reactions',
  description: 'Resource reactions (seed 002), counted exactly in the resource\'s totalReactions',
  operations: [setReaction, deleteReaction, getReactions, getUserOwnReaction],
  events: [
    defineEvent({ name: 'resource:reactionUpdated', family: 'reactions', channel: 'room', summary: 'A user set a reaction to a resource in a room', payload: reactionEventPayload }),
    defineEvent({ name: 'resource:reactionDeleted', family: 'reactions', channel: 'room', summary: 'A user deleted a reaction to a resource in a room', payload: reactionEventPayload }),
  ],
};
