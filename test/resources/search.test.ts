import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../shared/auth/principal.js';
import { insertResources, type ResourceDraft } from '../../shared/resources/insert.js';
import { resolvePlacement } from '../../shared/resources/placement.js';
import type { TestStack } from '../helpers/stack.js';
import { idsOf, newUser, startResourcesStack, type Resource, type User } from './support.js';

let stack: TestStack;

beforeAll(async () => {
  stack = await startResourcesStack();
});
afterAll(async () => {
  await stack?.stop();
});

const user = () => newUser(stack);

const principalOf = (u: User): Principal => ({ userId: u.id, subject: u.id, networkId: 'default', scopes: [], admin: false, token: u.token });

/** Many resources at once, through the same placement and insert code as resource:create, in batches of 250 (one batch write each). */
async function bulkCreate(owner: User, belonging: string, drafts: ResourceDraft[]): Promise<string[]> {
  const placement = await resolvePlacement(principalOf(owner), { belonging });
  const ids: string[] = [];
  const discard = { emit: () => undefined };
  for (let i = 0; i < drafts.length; i += 250) {
    const docs = await insertResources(discard, principalOf(owner), placement, drafts.slice(i, i + 250));
    ids.push(...docs.map((d) => d.id));
  }
  return ids;
}

describe('resource:searchBelonging paging', () => {
  it('pages through 1,000 resources of one belonging with the cursor, without duplicate or gap, newest first', async () => {
    const owner = await user();
    const dir = await owner.directory('Big');
    const created = await bulkCreate(
      owner,
      `directory:${dir.id}`,
      Array.from({ length: 1000 }, (_, i) => ({ title: `Item ${i}`, description: `${i % 3 === 0 ? 'fizz' : ''} ${i % 5 === 0 ? 'buzz' : ''}` })),
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

    const fizzBuzz = await owner.all(`directory:${dir.id}`, 'FI bu');
    expect(fizzBuzz.length).toBe(67);
    expect(fizzBuzz.every((r) => Number((r.title as string).split(' ')[1]) % 15 === 0)).toBe(true);
    let smallPages = 0;
    const viaSmallPages: Resource[] = [];
    cursor = '';
    for (;;) {
      const page = await owner.search(`directory:${dir.id}`, { query: 'buzz fizz', limit: 20, cursor });
      smallPages += 1;
      viaSmallPages.push(...page.resources);
      if (!page.hasMore) break;
      cursor = page.nextCursor;
    }
    expect(idsOf(viaSmallPages)).toEqual(idsOf(fizzBuzz));
    expect(smallPages).toBe(4);
  });

  it('matches words of title and description by prefix, case-insensitively, and nothing else', async () => {
    const owner = await user();
    const table = `userSortingTable:${owner.id}`;
    const a = await owner.create({ resource: { title: 'Straße nach Köln', description: 'Ein Foto' } });
    const b = await owner.create({ resource: { title: 'Supercalifragilisticexpialidocious' } });
    const c = await owner.create({ resource: { title: 'untitled', description: 'KÖLNER dom' } });
    await owner.create({ resource: { title: 'other' } });
    expect(idsOf(await owner.all(table, 'köln'))).toEqual(idsOf([a, c]));
    expect(idsOf(await owner.all(table, 'STRA foto'))).toEqual(idsOf([a]));
    expect(idsOf(await owner.all(table, 'supercalifragilisticexpi'))).toEqual(idsOf([b]));
    expect(await owner.all(table, 'supercalifragilisticexxx')).toEqual([]);
    expect(await owner.all(table, 'raße')).toEqual([]);
    expect(idsOf(await owner.all(table, '  '))).toHaveLength(4);

    const renamed = await owner.ok<{ resource: Resource }>('resource:updateAttributes', { resource: b.id, attributes: { title: 'Mary Poppins' } });
    expect(renamed.resource.title).toBe('Mary Poppins');
    expect(await owner.all(table, 'supercal')).toEqual([]);
    expect(idsOf(await owner.all(table, 'popp'))).toEqual([b.id]);
  });

  it('refuses a page size over 100, a malformed cursor, and belongings the caller may not read', async () => {
    const owner = await user();
    const stranger = await user();
    const table = `userSortingTable:${owner.id}`;
    await owner.fails('resource:searchBelonging', { belonging: table, limit: 101 }, 400, /limit must be <= 100/);
    await owner.fails('resource:searchBelonging', { belonging: table, limit: 0 }, 400, /limit must be >= 1/);
    await owner.fails('resource:searchBelonging', { belonging: table, cursor: 'garbage' }, 400, /cursor is malformed/);
    await owner.fails('resource:searchBelonging', { belonging: 'planet:mars' }, 400, /unknown/);
    await stranger.fails('resource:searchBelonging', { belonging: table }, 403, /belongs to another user/);
    const dir = await owner.directory('private');
    await stranger.fails('resource:searchBelonging', { belonging: `directory:${dir.id}` }, 404, /directory not found/);
    await owner.fails('resource:listBelonging', { belonging: table, size: 101 }, 400, /size must be <= 100/);
  });
});

describe('resource:searchBelonging belongings', () => {
  it('lists rooms: the room sorting table, room:{roomId} for all placed content, roomProps:{roomId} for props only', async () => {
    const owner = await user();
    const member = await user();
    const stranger = await user();
    const roomId = await owner.room([member]);
    const roomLevel = await owner.create({ roomId });
    const prop1 = await owner.create({ roomId, propId: 'p1' });
    const prop2 = await owner.create({ roomId, propId: 'p2' });
    const contributed = await member.create({ contributeToRoom: roomId });

    expect(idsOf(await member.all(`room:${roomId}`))).toEqual(idsOf([roomLevel, prop1, prop2]));
    expect(idsOf(await member.all(`roomProps:${roomId}`))).toEqual(idsOf([prop1, prop2]));
    expect(idsOf(await member.all(`room:${roomId}/p1`))).toEqual([prop1.id]);
    expect(idsOf(await owner.all(`roomSortingTable:${roomId}`))).toEqual([contributed.id]);
    for (const b of [`room:${roomId}`, `roomProps:${roomId}`, `roomSortingTable:${roomId}`, `room:${roomId}/p1`]) {
      await stranger.fails('resource:searchBelonging', { belonging: b }, 404, /room not found/);
    }
  });

  it('lists AI generations, upload sessions, communities and the trashcan', async () => {
    const owner = await user();
    const other = await user();
    const community = await owner.room([other]);
    const ai = await owner.create({ belonging: `userAIGeneration:${owner.id}` });
    const upload = await owner.create({ belonging: `uploadSession:${owner.id}/s1` });
    const shared = await other.create({ belonging: `community:${community}` });
    const trashed = await owner.create({});
    await owner.ok('resource:delete', { resourceId: trashed.id });
    expect(idsOf(await owner.all(`userAIGeneration:${owner.id}`))).toEqual([ai.id]);
    expect(idsOf(await owner.all(`uploadSession:${owner.id}/s1`))).toEqual([upload.id]);
    expect(idsOf(await owner.all(`community:${community}`))).toEqual([shared.id]);
    expect(idsOf(await owner.all(`trashcan:${owner.id}`))).toEqual([trashed.id]);
  });

  it('joins the socket to directory and community channels only; unsubscribeFromBelonging leaves them', async () => {
    const owner = await user();
    const other = await user();
    const dir = await owner.directory('d');
    const community = await owner.room([other]);
    const cases: Array<[string, string[]]> = [
      [`directory:${dir.id}`, [`belonging:directory:${dir.id}`]],
      [`community:${community}(default)`, [`belonging:community:${community}`]],
      [`userSortingTable:${owner.id}`, []],
      [`roomSortingTable:${community}`, []],
    ];
    for (const [belonging, join] of cases) {
      const res = await owner.call('resource:searchBelonging', { belonging });
      expect(res.body.channels, belonging).toEqual({ join, leave: [] });
    }
    const left = await owner.call('resource:unsubscribeFromBelonging', { belonging: `directory:${dir.id}` });
    expect(left.body.channels).toEqual({ join: [], leave: [`belonging:directory:${dir.id}`] });
    await owner.fails('resource:unsubscribeFromBelonging', { belonging: 'directory:nope' }, 400, /UUID/);
  });
});

describe('deprecated resource:listBelonging and sortingTable:get', () => {
  it('pages by offset and size in the same order as searchBelonging', async () => {
    const owner = await user();
    const table = `userSortingTable:${owner.id}`;
    await bulkCreate(owner, table, Array.from({ length: 30 }, (_, i) => ({ title: `n${i}` })));
    const all = await owner.all(table);
    const page = await owner.ok<{ resources: Resource[] }>('resource:listBelonging', { belonging: table, offset: 5, size: 10 });
    expect(page.resources.map((r) => r.id)).toEqual(all.slice(5, 15).map((r) => r.id));
    const defaults = await owner.ok<{ resources: Resource[] }>('resource:listBelonging', { belonging: table });
    expect(defaults.resources.map((r) => r.id)).toEqual(all.slice(0, 20).map((r) => r.id));
    const content = await owner.ok<{ content: Resource[] }>('sortingTable:get', { offset: 25, size: 10 });
    expect(content.content.map((r) => r.id)).toEqual(all.slice(25).map((r) => r.id));
    const subscribed = await owner.call('sortingTable:get', { subscribe: true, size: 1 });
    expect(subscribed.body.channels.join).toEqual([`belonging:${table}`]);
    await owner.fails('sortingTable:get', { size: 101 }, 400, /size must be <= 100/);
  });
});
