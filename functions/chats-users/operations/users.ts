import { notFound } from '../../../shared/errors/api-error.js';
import { operation } from '../../../shared/registry/define.js';
import { capabilities as readCapabilities } from '../rules/capabilities.js';
import { parseUserIds } from '../rules/user-ids.js';
import { uuid } from '../schemas/common.js';
import { capabilities, user } from '../schemas/user.js';
import { readUser, readUsers } from '../store/profiles.js';

export const getUsers = operation({
  name: 'getUsers',
  summary: 'Returns the users with the given ids (at most 10); unknown ids are left out.',
  bindings: { http: [{ method: 'GET', path: '/users' }] },
  permission: 'authenticated user',
  request: {
    type: 'object',
    properties: { userIds: { type: 'array', minItems: 1, items: { type: 'string' } } },
    required: ['userIds'],
  },
  response: { type: 'array', items: user },
}).handle(async (_ctx, input) => readUsers(parseUserIds(input.userIds)));

export const getCapabilities = operation({
  name: 'getCapabilities',
  summary: "Returns the requester's Chats capabilities (from configuration).",
  bindings: { http: [{ method: 'GET', path: '/users/capabilities' }] },
  permission: 'authenticated user',
  request: { type: 'object' },
  response: capabilities,
}).handle(async () => readCapabilities());

export const getUser = operation({
  name: 'getUser',
  summary: 'Returns a user.',
  bindings: { http: [{ method: 'GET', path: '/users/{userId}' }] },
  permission: 'authenticated user',
  request: { type: 'object', properties: { userId: uuid }, required: ['userId'] },
  response: user,
}).handle(async (_ctx, input) => {
  const found = await readUser(input.userId);
  if (!found) throw notFound('user');
  return found;
});
