import { defineOperation } from '../../shared/registry/types.js';
import { emptyObject, token } from './schemas.js';

export const getTokens = defineOperation({
  name: 'getTokens',
  family: 'system',
  summary: 'The authenticated token of the caller (from Authorization, X-Session-Id or the ZM_AUTH_TOKEN cookie)',
  bindings: { http: [{ method: 'GET', path: '/auth/token' }] },
  auth: 'required',
  permission: 'authenticated user',
  restStyle: 'chats',
  request: emptyObject,
  response: token,
  handler: async (ctx) => ({ zmToken: ctx.principal.token }),
});
