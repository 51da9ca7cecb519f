import { defineFamily, websocketByName } from '../../shared/registry/define.js';
import { reactionEvents } from './events.js';
import { deleteReaction, setReaction } from './operations/change.js';
import { getReactions, getUserOwnReaction } from './operations/read.js';

export const reactionsFamily = defineFamily('reactions', {
  description: "Resource reactions (seed 002), counted exactly in the resource's totalReactions",
  defaults: { bindings: websocketByName },
  operations: [setReaction, deleteReaction, getReactions, getUserOwnReaction],
  events: Object.values(reactionEvents),
});
