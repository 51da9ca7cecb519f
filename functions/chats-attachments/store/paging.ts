import { badRequest } from '../../../shared/errors/api-error.js';

/** Where the previous page ended: the opaque `filter` handed to clients. */
export interface PageCursor {
  roomId: string;
  createdAt: string;
  id: string;
}

export function encodeCursor(cursor: PageCursor): string {
  return Buffer.from(JSON.stringify([cursor.roomId, cursor.createdAt, cursor.id])).toString('base64url');
}

/** Decodes a `filter`; one not made by {@link encodeCursor} for this room is 400. */
export function decodeCursor(filter: string, roomId: string): PageCursor {
  const invalid = () => badRequest('filter is not the filter of a previous page of this room');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(filter, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parsed) || parsed.length !== 3 || !parsed.every((p) => typeof p === 'string')) throw invalid();
  const [cursorRoom, createdAt, id] = parsed as string[];
  if (cursorRoom !== roomId || Number.isNaN(Date.parse(createdAt))) throw invalid();
  return { roomId: cursorRoom, createdAt, id };
}
