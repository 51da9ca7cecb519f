import { results } from '../../../shared/registry/types.js';
import { operation } from '../../../shared/registry/define.js';
import { dateTime, noContent, pathIds } from '../schemas/common.js';
import { clearHistory, setMuted } from '../store/room-settings.js';

export const muteRoom = operation({
  name: 'muteRoom',
  summary: "Mutes the room's notifications for the requester (members only; not workspaces). Announced only when it changes something.",
  bindings: { http: [{ method: 'PUT', path: '/rooms/{roomId}/mute' }] },
  permission: 'room member',
  successStatus: 204,
  request: pathIds('roomId'),
  response: noContent,
}).handle(async (ctx, input) => {
  await setMuted(ctx.events, input.roomId, ctx.principal.userId, true);
  return results.empty(204);
});

export const unmuteRoom = operation({
  name: 'unmuteRoom',
  summary: "Unmutes the room's notifications for the requester (members only; not workspaces). Announced only when it changes something.",
  bindings: { http: [{ method: 'DELETE', path: '/rooms/{roomId}/mute' }] },
  permission: 'room member',
  successStatus: 204,
  request: pathIds('roomId'),
  response: noContent,
}).handle(async (ctx, input) => {
  await setMuted(ctx.events, input.roomId, ctx.principal.userId, false);
  return results.empty(204);
});

export const clearRoomHistory = operation({
  name: 'clearRoomHistory',
  summary: "Hides the room's history before now from the requester and returns that date.",
  bindings: { http: [{ method: 'PUT', path: '/rooms/{roomId}/clear' }] },
  permission: 'room member',
  request: pathIds('roomId'),
  response: {
    type: 'object',
    properties: { clearedAt: dateTime },
    required: ['clearedAt'],
    additionalProperties: false,
  },
}).handle(async (ctx, input) => {
  const clearedAt = await clearHistory(ctx.events, input.roomId, ctx.principal.userId);
  return { clearedAt };
});
