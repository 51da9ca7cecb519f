import { badRequest } from '../errors/api-error.js';

/** A position in a belonging listing (see listing.ts): opaque to clients. */
export interface ListPosition {
  created: number;
  id: string;
  /** listings spanning several belongings (a room and its props) order by belonging first */
  belonging?: string;
}

export function encodeCursor(position: ListPosition): string {
  const value = position.belonging === undefined ? [position.created, position.id] : [position.created, position.id, position.belonging];
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** Decodes a cursor from an earlier page; anything else is a 400. An empty cursor starts at the top. */
export function decodeCursor(cursor: string | undefined): ListPosition | undefined {
  if (!cursor) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  const ok =
    Array.isArray(value) &&
    (value.length === 2 || (value.length === 3 && typeof value[2] === 'string')) &&
    Number.isSafeInteger(value[0]) &&
    typeof value[1] === 'string' &&
    value[1].length > 0;
  if (!ok) throw badRequest('cursor is malformed: pass the nextCursor of a previous page');
  const [created, id, belonging] = value as [number, string, string | undefined];
  return { created, id, belonging };
}
