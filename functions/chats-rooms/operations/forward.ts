import { results } from '../../../shared/registry/types.js';
import { operation } from '../../../shared/registry/define.js';
import { dateTime, noContent, uuid } from '../schemas/common.js';
import { forwardMessages as storeForwarded } from '../store/forward.js';

export const forwardMessages = operation({
  name: 'forwardMessages',
  summary: "Forwards messages into a room (members only): each is stored in the room's message log and announced on the room's channel.",
  description:
    'Each originalMessage must be well-formed XML (400). A message sharing an attachment (`<x><operation>attachmentAdded</operation><attachment-id>…`) forwards a copy of it into the room, owned by the requester; the attachment must exist (404) in a room the requester is a member of (403).',
  bindings: { http: [{ method: 'POST', path: '/rooms/{roomId}/forward' }] },
  permission: 'room member',
  rest: { body: 'json', bodyProperty: 'messages' },
  successStatus: 204,
  request: {
    type: 'object',
    properties: {
      roomId: uuid,
      messages: {
        type: 'array',
        minItems: 1,
        maxItems: 100,
        items: {
          type: 'object',
          properties: {
            originalMessage: { type: 'string', minLength: 1, maxLength: 65536 },
            originalMessageSentAt: dateTime,
            description: { type: 'string', maxLength: 4096 },
          },
          required: ['originalMessage'],
        },
      },
    },
    required: ['roomId', 'messages'],
  },
  response: noContent,
}).handle(async (ctx, input) => {
  await storeForwarded(ctx.events, input.roomId, ctx.principal.userId, input.messages);
  return results.empty(204);
});
