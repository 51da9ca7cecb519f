import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestStack } from '../helpers/stack.js';
import { newUser, startResourcesStack } from './support.js';

/**
 * A busy directory: 50 changes into and out of it at once. Every call is answered and the counts
 * read back are exact; they are counted from the children when read, so no call writes (or
 * contends on) the directory document.
 */
let stack: TestStack;

beforeAll(async () => {
  stack = await startResourcesStack();
});
afterAll(async () => {
  await stack?.stop();
});

describe('directory counts under concurrent changes', () => {
  it('answers 50 concurrent creates and moves in one directory and counts its content exactly', async () => {
    const owner = await newUser(stack);
    const dir = await owner.directory('Busy');
    const elsewhere = await owner.directory('Elsewhere');
    const outside = await Promise.all(Array.from({ length: 10 }, (_, i) => owner.create({ resource: { title: `outside ${i}` } })));

    // 30 creates into the directory, 10 moves into it and 10 directories made in it, all at once
    const calls = await Promise.all([
      ...Array.from({ length: 30 }, (_, i) => owner.call('resource:create', { resource: { title: `file ${i}` }, parent: dir.id })),
      ...outside.map((r) => owner.call('resource:move', { resourceId: r.id, belonging: `directory:${dir.id}` })),
      ...Array.from({ length: 10 }, (_, i) =>
        owner.call('resource:createDirectory', { title: `sub ${i}`, belonging: `directory:${dir.id}` }),
      ),
    ]);
    expect(calls.map((c) => c.status)).toEqual(calls.map(() => 200));
    expect((await owner.get(dir.id)).data?.directory).toEqual({ innerContentType: 'mixed', innerContentCount: 50 });

    // 25 leave at once while the answers of the moves already show both directories
    const children = await owner.all(`directory:${dir.id}`);
    const leaving = children.filter((c) => !c.data?.directory).slice(0, 25);
    const moves = await Promise.all(
      leaving.map((c) => owner.call('resource:move', { resourceId: c.id, belonging: `directory:${elsewhere.id}` })),
    );
    expect(moves.map((m) => m.status)).toEqual(moves.map(() => 200));
    expect((await owner.get(dir.id)).data?.directory).toEqual({ innerContentType: 'mixed', innerContentCount: 25 });
    expect((await owner.get(elsewhere.id)).data?.directory).toEqual({ innerContentType: 'other', innerContentCount: 25 });
    const listed = (await owner.all(`userSortingTable:${owner.id}`)).filter((r) => r.id === dir.id || r.id === elsewhere.id);
    expect(Object.fromEntries(listed.map((r) => [r.id, r.data?.directory]))).toEqual({
      [dir.id]: { innerContentType: 'mixed', innerContentCount: 25 },
      [elsewhere.id]: { innerContentType: 'other', innerContentCount: 25 },
    });
  }, 180_000);
});
