import { expect } from 'vitest';
import { chatsAttachmentsFamily } from '../../../functions/chats-attachments/family.js';
import { chatsRoomsFamily } from '../../../functions/chats-rooms/family.js';
import { chatsUsersFamily } from '../../../functions/chats-users/family.js';
import type { AnyOperation } from '../../../shared/registry/types.js';
import { responseProblems } from '../../../shared/validation/validator.js';

export const chatsFamilies = [chatsRoomsFamily, chatsUsersFamily, chatsAttachmentsFamily];

const byName = new Map<string, AnyOperation>(chatsFamilies.flatMap((f) => f.operations.map((op) => [op.name, op] as const)));

/** A seed 003 operation by its operationId. */
export function operation(name: string): AnyOperation {
  const op = byName.get(name);
  if (!op) throw new Error(`no Chats operation ${name}`);
  return op;
}

/** Asserts a 2xx JSON body matches the project's response schema of the operation. */
export function expectValidBody(name: string, body: unknown): void {
  expect(responseProblems(operation(name).response, body), `${name} response body`).toEqual([]);
}
