import { badRequest } from '../../../shared/errors/api-error.js';

const MAX_USER_IDS = 10;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `userIds` arrive repeated (`?userIds=a&userIds=b`) or comma-separated (`?userIds=a,b`). */
export function parseUserIds(values: string[]): string[] {
  const ids = [
    ...new Set(
      values
        .flatMap((v) => v.split(','))
        .map((v) => v.trim())
        .filter(Boolean),
    ),
  ];
  if (ids.length === 0) throw badRequest('userIds must name at least one user');
  if (ids.length > MAX_USER_IDS) throw badRequest(`userIds names at most ${MAX_USER_IDS} users`);
  const invalid = ids.find((id) => !uuidPattern.test(id));
  if (invalid) throw badRequest(`userIds contains an id that is not a UUID: ${invalid}`);
  return ids;
}
