import { badRequest, notFound } from '../../../shared/errors/api-error.js';
import { capabilities as readCapabilities } from '../capabilities.js';
import { usersOperation } from '../define.js';
import { readUser, readUsers } from '../profiles.js';
import { capabilities, user, uuid } from '../schemas.js';

const MAX_USER_IDS = 10;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `userIds` arrive repeated (`?userIds=a&userIds=b`) or comma-separated (`?userIds=a,b`). */
export function parseUserIds(values: string[]): string[] {
  const ids = [...new Set(values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean))];
  if (ids.length === 0) throw badRequest('userIds must name at least one user');
  if (ids.length > MAX_USER_IDS) throw badRequest(`userIds names at most ${MAX_USER_IDS} users`);
  const invalid = ids.find((id) => !uuidPattern.test(id));
  if (invalid) throw badRequest(`userIds contains an id that is not a UUID: ${invalid}`);
  return ids;
}

export const getUsers = usersOperation<{ userIds: string[] }, unknown>({
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
  handler: async (_ctx, input) => readUsers(parseUserIds(input.userIds)),
});

export const getCapabilities = usersOperation<Record<string, never>, unknown>({
  name: 'getCapabilities',
  summary: "Returns the requester's Chats capabilities (from configuration).",
  bindings: { http: [{ method: 'GET', path: '/users/capabilities' }] },
  permission: 'authenticated user',
  request: { type: 'object' },
  response: capabilities,
  handler: async () => readCapabilities(),
});

export const getUser = usersOperation<{ userId: string }, unknown>({
  name: 'getUser',
  summary: 'Returns a user.',
  bindings: { http: [{ method: 'GET', path: '/users/{userId}' }] },
  permission: 'authenticated user',
  request: { type: 'object', properties: { userId: uuid }, required: ['userId'] },
  response: user,
  handler: async (_ctx, input) => {
    const found = await readUser(input.userId);
    if (!found) throw notFound('user');
    return found;
  },
});
