import { expect } from 'vitest';
import { ApiClient } from '../helpers/client.js';

export type Rpc<T = Record<string, unknown>> = { data: T; error: { status: boolean; code: number; message: string } };

interface UserSource {
  url: string;
  user(claims?: { name?: string }): Promise<{ id: string; token: string }>;
}

/** A group room of a fresh owner with two members, and a JSON-RPC caller of the prop operations in it. */
export async function propRoom(stack: UserSource, name = 'Expo hall') {
  const owner = await stack.user({ name: 'Room Owner' });
  const member = await stack.user();
  const third = await stack.user();
  const api = new ApiClient(stack.url, owner.token);
  const created = await api.post<{ id: string }>('/rooms', { name, type: 'group', membersIds: [member.id, third.id] });
  expect(created.status).toBe(201);
  const roomId = created.body.id;
  const rpc = <T = Record<string, unknown>>(client: ApiClient, method: string, body: Record<string, unknown> = {}) =>
    client.post<Rpc<T>>(`/jsonRpc/prop.${method}`, { roomId, ...body });
  return { owner, member, api, roomId, rpc, memberApi: new ApiClient(stack.url, member.token) };
}
