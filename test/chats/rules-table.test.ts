import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const readme = readFileSync(new URL('README.md', root), 'utf8');
const rulesTests = readFileSync(new URL('test/chats/reference-rules.test.ts', root), 'utf8');

/** The README's "Chats: reference rules" table: rule number -> its "held by" cell. */
function rulesTable(): Map<string, string> {
  const start = readme.indexOf('### Chats: reference rules');
  const end = readme.indexOf('\n### ', start + 1);
  const rows = new Map<string, string>();
  for (const line of readme.slice(start, end).split('\n')) {
    const match = /^\| (R\d\d) \| [^|]+ \| (.+) \|$/.exec(line);
    if (!match) continue;
    expect(rows.has(match[1]), `${match[1]} listed twice`).toBe(false);
    rows.set(match[1], match[2]);
  }
  return rows;
}

/** Rule numbers of the describe blocks of reference-rules.test.ts (`describe('R36, R37 ...'`). */
const testedRules = new Set([...rulesTests.matchAll(/describe\('((?:R\d\d, )*R\d\d) /g)].flatMap((m) => m[1].split(', ')));

describe("the README's Chats rules table", () => {
  it('lists every reference rule R01-R78 exactly once', () => {
    const expected = Array.from({ length: 78 }, (_, i) => `R${String(i + 1).padStart(2, '0')}`);
    expect([...rulesTable().keys()]).toEqual(expected);
  });

  it('points at tests that exist: every reference-rules.test.ts rule it names has a describe block of that number', () => {
    for (const [rule, cell] of rulesTable()) {
      const named = /`reference-rules\.test\.ts` (R\d\d(?:, R\d\d)*)/.exec(cell);
      if (!named) continue;
      for (const number of named[1].split(', ')) expect(testedRules.has(number), `${rule} names ${number}`).toBe(true);
    }
  });

  it('names every rule tested in reference-rules.test.ts', () => {
    const cells = [...rulesTable().values()].join('\n');
    for (const number of testedRules) expect(cells, number).toMatch(new RegExp(`reference-rules\\.test\\.ts\` (R\\d\\d, )*${number}`));
  });

  it('names only files that exist', () => {
    for (const [rule, cell] of rulesTable()) {
      for (const [, name] of cell.matchAll(/`([\w./-]+\.ts)`/g)) {
        const path = name.includes('/') ? name : `test/chats/${name}`;
        expect(existsSync(new URL(path, root)), `${rule}: ${name}`).toBe(true);
      }
    }
  });
});
