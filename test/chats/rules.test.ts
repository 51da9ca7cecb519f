import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '../../functions/chats-attachments/store/paging.js';
import { parseArea, parseThumbnailArea } from '../../functions/chats-attachments/rules/preview-params.js';
import { checkRanks, rankPositions } from '../../functions/chats-rooms/rules/ranks.js';
import { planRoomCreation } from '../../functions/chats-rooms/rules/room-creation.js';
import { contentDisposition } from '../../shared/http-headers/content-disposition.js';
import { decodeUnicodeHeader, encodeUnicodeHeader } from '../../shared/http-headers/unicode-header.js';

const me = '00000000-0000-4000-8000-000000000001';
const a = '00000000-0000-4000-8000-00000000000a';
const b = '00000000-0000-4000-8000-00000000000b';
const c = '00000000-0000-4000-8000-00000000000c';

describe('room creation rules', () => {
  const plan = (request: Parameters<typeof planRoomCreation>[0], max = 4) => planRoomCreation(request, me, max);

  it('refuses duplicated members and the requester among them', () => {
    expect(() => plan({ type: 'group', name: 'g', membersIds: [a, a, b] })).toThrow(/duplicated/);
    expect(() => plan({ type: 'group', name: 'g', membersIds: [a, me] })).toThrow(/requester/);
  });

  it('gives one_to_one rooms exactly one other member, both owners, and no name', () => {
    expect(() => plan({ type: 'one_to_one', membersIds: [] })).toThrow(/exactly one/);
    expect(() => plan({ type: 'one_to_one', membersIds: [a, b] })).toThrow(/exactly one/);
    expect(() => plan({ type: 'one_to_one', name: 'no', membersIds: [a] })).toThrow(/no name or description/);
    expect(plan({ type: 'one_to_one', membersIds: [a] })).toEqual({
      type: 'one_to_one',
      name: '',
      description: '',
      invitedIds: [a],
      invitedAreOwners: true,
    });
  });

  it('needs two other members and at most the maximum for groups and workspaces, and a name for groups only', () => {
    for (const type of ['group', 'workspace'] as const) {
      expect(() => plan({ type, name: 'x', membersIds: [a] })).toThrow(/at least two/);
      expect(() => plan({ type, name: 'x', membersIds: [a, b, c] }, 3)).toThrow(/at most 3/);
      expect(plan({ type, name: 'x', membersIds: [a, b, c] }, 4).invitedIds).toEqual([a, b, c]);
    }
    expect(() => plan({ type: 'group', membersIds: [a, b] })).toThrow(/name is required/);
    expect(plan({ type: 'workspace', membersIds: [a, b] }).name).toBe('');
  });

  it('takes parentId only for channels, which need it and take no members', () => {
    expect(() => plan({ type: 'group', name: 'g', membersIds: [a, b], parentId: c })).toThrow(/only allowed for channels/);
    expect(() => plan({ type: 'channel', name: 'ch' })).toThrow(/needs parentId/);
    expect(() => plan({ type: 'channel', name: 'ch', parentId: c, membersIds: [a] })).toThrow(/no membersIds/);
    expect(plan({ type: 'channel', name: 'ch', parentId: c })).toMatchObject({ type: 'channel', parentId: c, invitedIds: [] });
  });
});

describe('ranks', () => {
  it('accept exactly the expected rooms ranked 1..n in any order', () => {
    expect(() =>
      checkRanks(
        [
          { roomId: b, rank: 2 },
          { roomId: a, rank: 1 },
        ],
        [a, b],
        'workspaces',
      ),
    ).not.toThrow();
    expect(() => checkRanks([], [], 'workspaces')).not.toThrow();
  });

  it('refuse missing, foreign or repeated rooms and ranks that are not progressive from 1', () => {
    expect(() => checkRanks([{ roomId: a, rank: 1 }], [a, b], 'workspaces')).toThrow(/2 expected, 1 given/);
    expect(() =>
      checkRanks(
        [
          { roomId: a, rank: 1 },
          { roomId: c, rank: 2 },
        ],
        [a, b],
        'workspaces',
      ),
    ).toThrow(/not one of the workspaces/);
    expect(() =>
      checkRanks(
        [
          { roomId: a, rank: 1 },
          { roomId: a, rank: 2 },
        ],
        [a],
        'workspaces',
      ),
    ).toThrow(/more than once/);
    expect(() =>
      checkRanks(
        [
          { roomId: a, rank: 0 },
          { roomId: b, rank: 1 },
        ],
        [a, b],
        'workspaces',
      ),
    ).toThrow(/progressive/);
    expect(() =>
      checkRanks(
        [
          { roomId: a, rank: 1 },
          { roomId: b, rank: 1 },
        ],
        [a, b],
        'workspaces',
      ),
    ).toThrow(/progressive/);
    expect(() =>
      checkRanks(
        [
          { roomId: a, rank: 1 },
          { roomId: b, rank: 3 },
        ],
        [a, b],
        'workspaces',
      ),
    ).toThrow(/progressive/);
  });

  it('positions stored ranks first, then unranked rooms by creation, always 1..n', () => {
    const rooms = [
      { id: a, createdAt: '2024-01-01T00:00:00.000Z', rank: undefined },
      { id: b, createdAt: '2024-01-02T00:00:00.000Z', rank: 2 },
      { id: c, createdAt: '2024-01-03T00:00:00.000Z', rank: 7 },
    ];
    expect([...rankPositions(rooms, (r) => r.rank)]).toEqual([
      [b, 1],
      [c, 2],
      [a, 3],
    ]);
  });
});

describe('header text', () => {
  it('decodes backslash-u escapes (surrogate pairs and braces included) and refuses anything else', () => {
    expect(decodeUnicodeHeader('\\u0070\\u0065\\u0061\\u006e\\u0075\\u0074\\u0073\\u002e\\u0074\\u0078\\u0074', 'fileName')).toBe(
      'peanuts.txt',
    );
    expect(decodeUnicodeHeader('\\U00e9\\ud83d\\ude00\\u{1F600}\\u{41}', 'fileName')).toBe('é😀😀A');
    expect(decodeUnicodeHeader('', 'fileName')).toBe('');
    expect(decodeUnicodeHeader(encodeUnicodeHeader('résumé 日本 😀.pdf'), 'fileName')).toBe('résumé 日本 😀.pdf');
    for (const bad of [
      'peanuts.txt',
      '\\u0070x',
      '\\u007',
      '\\u{}',
      '\\u{110000}',
      '\\ud83d',
      '\\ude00\\ud83d',
      'r%C3%A9sum%C3%A9',
      '\\x41',
    ]) {
      expect(() => decodeUnicodeHeader(bad, 'fileName'), bad).toThrow(/fileName must be written as backslash-u escapes/);
    }
  });

  it('names files in Content-Disposition with an ASCII fallback and the exact UTF-8 name', () => {
    expect(contentDisposition('attachment', 'résumé "1".pdf')).toBe(
      `attachment; filename="r_sum_ _1_.pdf"; filename*=UTF-8''r%C3%A9sum%C3%A9%20%221%22.pdf`,
    );
    expect(contentDisposition('inline', undefined)).toBe('inline');
  });
});

describe('preview parameters', () => {
  it('parse WIDTHxHEIGHT areas and refuse anything else', () => {
    expect(parseArea('320x240')).toEqual({ width: 320, height: 240 });
    expect(parseArea('0x100')).toEqual({ width: 0, height: 100 });
    for (const bad of ['320', '320x', 'x240', '-1x5', '10X10', '1.5x2', '99999x1']) expect(() => parseArea(bad), bad).toThrow();
    expect(parseThumbnailArea('0x64')).toEqual({ width: 64, height: 64 });
    expect(() => parseThumbnailArea('0x0')).toThrow(/larger than 0x0/);
  });

  it('round-trip page cursors for their own room only', () => {
    const cursor = { roomId: a, createdAt: '2024-05-01T10:00:00.000Z', id: b };
    expect(decodeCursor(encodeCursor(cursor), a)).toEqual(cursor);
    expect(() => decodeCursor(encodeCursor(cursor), c)).toThrow(/filter/);
    expect(() => decodeCursor('not-a-filter', a)).toThrow(/filter/);
  });
});
