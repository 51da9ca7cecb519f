import sharp from 'sharp';
import { expect } from 'vitest';
import { ApiClient, type Answer } from '../helpers/client.js';
import type { TestStack } from '../helpers/stack.js';

export const READ = 'workspace_ressources';
export const MANAGE = 'manage_ressources';
export const BOTH = `${READ} ${MANAGE}`;

export interface Person {
  id: string;
  token: string;
  api: ApiClient;
}

export type View = {
  id: string;
  title?: string;
  owner?: string;
  workspace?: string;
  avatar?: string;
  privacy: { value: string; perms: string; allow: string[]; deny: string[] };
  created_time: string;
  updated_time: string;
};
export type Page<K extends string, T> = { [key in K]: T[] } & { nextCursor: string; hasMore: boolean };
export type ErrorBody = { error: { status: boolean; code: number; message: string } };

/** A new user who has signed in once (so the user directory knows them). */
export async function person(stack: TestStack, scope = BOTH): Promise<Person> {
  const u = await stack.user({ scope, name: 'Test Person' });
  const api = new ApiClient(stack.url, u.token);
  expect((await api.get('/users/capabilities')).status).toBe(200);
  return { ...u, api };
}

/** Rooms need two members beside their creator: fills up with people who stay out of the test. */
async function room(stack: TestStack, owner: Person, type: 'workspace' | 'group', members: Person[]): Promise<string> {
  const others = [...members];
  while (others.length < 2) others.push(await person(stack));
  const res = await owner.api.post<{ id: string }>('/rooms', { name: type, type, membersIds: others.map((m) => m.id) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

/** A workspace room created by `admin` (its owner, i.e. its admin) with the given members. */
export const workspace = (stack: TestStack, admin: Person, members: Person[] = []) => room(stack, admin, 'workspace', members);

export const group = (stack: TestStack, owner: Person, members: Person[]) => room(stack, owner, 'group', members);

/** A client with a token pointing to a workspace (seed 004 `tokenType: "workspace"`). */
export async function workspaceToken(stack: TestStack, workspaceId: string, scope = BOTH): Promise<ApiClient> {
  return new ApiClient(stack.url, await stack.token({ user: workspaceId, workspace: true, scope }));
}

export async function publish(
  api: ApiClient,
  edge: 'user' | 'workspace' | 'environment',
  body: Record<string, unknown> = {},
): Promise<View> {
  const res = await api.post<View>(`/${edge}/ressources`, { title: `${edge} ressource`, ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

export const png = (width = 4, height = 3): Promise<Buffer> =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 40, b: 40 } } })
    .png()
    .toBuffer();

/** An image resource of `owner` with its bytes uploaded. */
export async function imageResource(owner: Person): Promise<string> {
  const created = await owner.api.post<{ id: string }>('/api/v0/resource/create', { resource: { title: 'picture' } });
  const put = await owner.api.put(`/api/v0/resource/${created.body.id}/content`, await png(), { 'content-type': 'image/png' });
  expect(put.status).toBe(200);
  return created.body.id;
}

export const ids = (answer: Answer<Page<'ressources', View>>) => answer.body.ressources.map((r) => r.id);

/** Every page of a listing, following nextCursor. */
export async function allPages<K extends string, T>(api: ApiClient, path: string, key: K, limit: number): Promise<T[][]> {
  const pages: T[][] = [];
  let cursor = '';
  for (;;) {
    const sep = path.includes('?') ? '&' : '?';
    const res = await api.get<Page<K, T>>(`${path}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    pages.push(res.body[key]);
    if (!res.body.hasMore) {
      expect(res.body.nextCursor).toBe('');
      return pages;
    }
    cursor = res.body.nextCursor;
  }
}
