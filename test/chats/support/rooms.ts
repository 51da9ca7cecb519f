import { expect } from 'vitest';
import type { ApiClient } from '../../helpers/client.js';
import { expectValidBody } from './operations.js';

export interface RoomBody {
  id: string;
  type: string;
  name: string;
  description: string;
  parentId?: string;
  rank?: number;
  meetingId: string;
  createdAt: string;
  updatedAt: string;
  pictureUpdatedAt?: string;
  children?: RoomBody[];
  members?: Array<{ userId: string; owner: boolean }>;
  userSettings?: { muted: boolean; clearedAt?: string };
}

export interface ErrorBody {
  traceId: string;
  message: string;
}

/** Creates a room, asserting the 201 and the body's schema. */
export async function createRoom(api: ApiClient, body: Record<string, unknown>): Promise<RoomBody> {
  const res = await api.post<RoomBody>('/rooms', body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  expectValidBody('insertRoom', res.body);
  return res.body;
}

/** Asserts a seed 003 error: the status and a `{ traceId, message }` body whose message matches. */
export function expectError(res: { status: number; body: unknown }, status: number, message?: RegExp): void {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  const body = res.body as ErrorBody;
  expect(Object.keys(body).sort()).toEqual(['message', 'traceId']);
  expect(body.traceId).toEqual(expect.any(String));
  if (message) expect(body.message).toMatch(message);
}

/** Runs `fn` with configuration variables set, restoring them afterwards. */
export async function withEnv<T>(values: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(values).map((k) => [k, process.env[k]]));
  Object.assign(process.env, values);
  try {
    return await fn();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}
