import { operation } from '../../../shared/registry/define.js';
import { emptyObject, token } from '../schemas/system.js';

export const getTokens = operation({
  name: 'getTokens',
  summary: 'The authenticated token of the caller (from Authorization, X-Session-Id or the ZM_AUTH_TOKEN cookie)',
  bindings: { http: [{ method: 'GET', path: '/auth/token' }] },
  permission: 'authenticated user',
  restStyle: 'chats',
  request: emptyObject,
  response: token,
}).handle(async (ctx) => ({ zmToken: ctx.principal.token }));
