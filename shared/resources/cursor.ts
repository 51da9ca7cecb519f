import { badRequest } from '../errors/api-error.js';

/** A position in a belonging listing (newest first, ties by id): opaque to clients. */
export interface ListPosition {
  created: number;
  id: string;
}

export function encodeCursor(position: ListPosition): string {
  return Buffer.from(JSON.stringify([position.created, position.id])).toString('base64url');
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
  if (!Array.isArray(value) || value.length !== 2 || !Number.isSafeInteger(value[0]) || typeof value[1] !== 'string' || value[1].length === 0) {
    throw badRequest('cursor is malformed: pass the nextCursor of a previous page');
  }
  return { created: value[0] as number, id: value[1] as string };
}
