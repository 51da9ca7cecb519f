import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { RelayTestStack } from './helpers.js';

export interface HttpAnswer {
  status: number;
  body: Record<string, unknown>;
}

/** A JSON call through the stack's gateway with the token's bearer. */
export async function stackHttp(stack: RelayTestStack, method: string, path: string, token: string, body?: unknown): Promise<HttpAnswer> {
  const res = await fetch(`${stack.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** A group room of the token's user with the given members (and one more: a group has at least two besides its creator). */
export async function createGroupRoom(stack: RelayTestStack, ownerToken: string, memberIds: string[]): Promise<string> {
  const filler = await stack.user();
  const room = await stackHttp(stack, 'POST', '/rooms', ownerToken, {
    name: `Room ${randomUUID().slice(0, 6)}`,
    type: 'group',
    membersIds: [...memberIds, filler.id],
  });
  expect(room, JSON.stringify(room.body)).toMatchObject({ status: 201 });
  return room.body.id as string;
}
