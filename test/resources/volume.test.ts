import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestStack } from '../helpers/stack.js';
import { bulkCreate, idsOf, newUser, startResourcesStack, type Resource } from './support.js';

let stack: TestStack;

beforeAll(async () => {
  stack = await startResourcesStack();
});
afterAll(async () => {
  await stack?.stop();
});

const user = () => newUser(stack);

describe('directory counts under concurrency', () => {
  it('stay exact after 55 concurrent adds, moves and deletes', async () => {
    const owner = await user();
    const a = await owner.directory('A');
    const b = await owner.directory('B');
    const drafts = (n: number) => Array.from({ length: n }, (_, i) => ({ title: `pre ${i}` }));
    const [inA, toB, toDelete, loose, contended] = await Promise.all([
      bulkCreate(owner, `directory:${a.id}`, drafts(10)),
      bulkCreate(owner, `directory:${a.id}`, drafts(10)),
      bulkCreate(owner, `directory:${a.id}`, drafts(5)),
      bulkCreate(owner, `userSortingTable:${owner.id}`, drafts(10)),
      bulkCreate(owner, `userSortingTable:${owner.id}`, drafts(5)),
    ]);
    expect((await owner.get(a.id)).data?.directory?.innerContentCount).toBe(25);

    const results = await Promise.all([
      ...Array.from({ length: 20 }, (_, i) =>
        owner.call('resource:create', { resource: { title: `new ${i}`, metadata: { contentType: 'image/png' } }, parent: a.id }),
      ),
      ...loose.map((id) => owner.call('resource:move', { resourceId: id, belonging: `directory:${a.id}` })),
      ...toB.map((id) => owner.call('resource:move', { resourceId: id, belonging: `directory:${b.id}` })),
      ...toDelete.map((id) => owner.call('resource:delete', { resourceId: id })),
      ...contended.flatMap((id) => [
        owner.call('resource:move', { resourceId: id, belonging: `directory:${a.id}` }),
        owner.call('resource:move', { resourceId: id, belonging: `directory:${b.id}` }),
      ]),
    ]);
    expect(results.length).toBe(55);
    expect(results.filter((r) => r.status !== 200).map((r) => r.body.error)).toEqual([]);

    const listedA = await owner.all(`directory:${a.id}`);
    const listedB = await owner.all(`directory:${b.id}`);
    const contendedInA = listedA.filter((r) => contended.includes(r.id)).length;
    expect(listedA.length).toBe(inA.length + 20 + loose.length + contendedInA);
    expect(listedB.length).toBe(toB.length + contended.length - contendedInA);
    expect((await owner.get(a.id)).data?.directory).toEqual({ innerContentType: 'mixed', innerContentCount: listedA.length });
    expect((await owner.get(b.id)).data?.directory).toEqual({ innerContentType: 'other', innerContentCount: listedB.length });
    expect(idsOf(await owner.all(`trashcan:${owner.id}`))).toEqual([...toDelete].sort());
  });
});

describe('resource:searchBelonging over 1,000 resources', () => {
  it('pages through 1,000 resources of one belonging with the cursor, without duplicate or gap, newest first', async () => {
    const owner = await user();
    const dir = await owner.directory('Big');
    const created = await bulkCreate(
      owner,
      `directory:${dir.id}`,
      Array.from({ length: 1000 }, (_, i) => ({
        title: `Item ${i}`,
        description: `${i % 3 === 0 ? 'fizz' : ''} ${i % 5 === 0 ? 'buzz' : ''}`,
      })),
    );
    expect((await owner.get(dir.id)).data?.directory?.innerContentCount).toBe(1000);

    const seen: Resource[] = [];
    let cursor = '';
    let pages = 0;
    for (;;) {
      const page = await owner.search(`directory:${dir.id}`, { cursor, limit: 100 });
      pages += 1;
      expect(page.resources.length).toBe(100);
      seen.push(...page.resources);
      if (!page.hasMore) {
        expect(page.nextCursor).toBe('');
        break;
      }
      cursor = page.nextCursor;
    }
    expect(pages).toBe(10);
    expect(new Set(seen.map((r) => r.id)).size).toBe(1000);
    expect(idsOf(seen)).toEqual([...created].sort());
    const order = seen.map((r) => [r.created as number, r.id] as const);
    for (let i = 1; i < order.length; i++) {
      const [c0, id0] = order[i - 1];
      const [c1, id1] = order[i];
      expect(c0 > c1 || (c0 === c1 && id0 > id1), `stable order at ${i}`).toBe(true);
    }

    const first = await owner.search(`directory:${dir.id}`);
    expect(first.resources.length).toBe(20);
    expect(first.hasMore).toBe(true);

    const fizzBuzz = created.filter((_, i) => i % 15 === 0);
    expect(fizzBuzz.length).toBe(67);
    let smallPages = 0;
    const viaSmallPages: Resource[] = [];
    cursor = '';
    for (;;) {
      const page = await owner.search(`directory:${dir.id}`, { query: 'BUZZ fi', limit: 20, cursor });
      smallPages += 1;
      viaSmallPages.push(...page.resources);
      if (!page.hasMore) break;
      cursor = page.nextCursor;
    }
    expect(idsOf(viaSmallPages)).toEqual([...fizzBuzz].sort());
    expect(smallPages).toBe(4);
  });
});
