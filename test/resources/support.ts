import { expect } from 'vitest';
import { deployables } from '../../functions/manifest.js';
import { resourcesFamily } from '../../functions/resources/family.js';
import type { Principal } from '../../shared/auth/principal.js';
import type { EventMessage } from '../../shared/events/publish.js';
import { insertResources, type ResourceDraft } from '../../shared/resources/insert.js';
import { resolvePlacement } from '../../shared/resources/placement.js';
import { propRefOf } from '../../shared/resources/prop-positions.js';
import { responseProblems } from '../../shared/validation/validator.js';
import { ApiClient, type Answer } from '../helpers/client.js';
import type { EventTap } from '../helpers/events.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';

const { operations, events: eventDefinitions } = resourcesFamily;

/** The resources function, and the Chats rooms, props and ressource functions (rooms, props and shares are made through their own APIs), behind the gateway. */
export async function startResourcesStack(): Promise<TestStack> {
  const names = new Set(['resources', 'chats-rooms', 'props', 'ressources']);
  return startTestStack({ deployables: deployables.filter((d) => names.has(d.name)) });
}

export type Resource = Record<string, unknown> & {
  id: string;
  belonging: string;
  status: string;
  title?: string;
  data?: { directory?: { innerContentCount: number; innerContentType: string } };
};

type OpsBody<T> = { data: T; error: { status: boolean; code: number; message: string }; channels: { join: string[]; leave: string[] } };

const byEndpoint = new Map(operations.filter((op) => op.bindings.websocket).map((op) => [op.bindings.websocket as string, op]));

/** A signed-in user calling WebSocket methods as the relay forwards them; every success is checked against its response schema. */
export class User {
  readonly api: ApiClient;
  private hasProfile = false;
  constructor(
    readonly id: string,
    readonly token: string,
    baseUrl: string,
  ) {
    this.api = new ApiClient(baseUrl, token);
  }

  async call<T = Record<string, unknown>>(endpoint: string, data: unknown = {}): Promise<Answer<OpsBody<T>>> {
    const res = await this.api.ops<T>(endpoint, data);
    this.hasProfile = true;
    const op = byEndpoint.get(endpoint);
    if (res.status === 200 && op) expect(responseProblems(op.response, res.body.data), `${endpoint} response`).toEqual([]);
    return res as Answer<OpsBody<T>>;
  }

  /** A call that must succeed: its data. */
  async ok<T = Record<string, unknown>>(endpoint: string, data: unknown = {}): Promise<T> {
    const res = await this.call<T>(endpoint, data);
    expect(res.status, `${endpoint} ${JSON.stringify(res.body.error)}`).toBe(200);
    return res.body.data;
  }

  /** A call that must fail with this status and a message matching. */
  async fails(endpoint: string, data: unknown, status: number, message?: RegExp): Promise<void> {
    const res = await this.call(endpoint, data);
    expect(res.status, `${endpoint} answered ${JSON.stringify(res.body)}`).toBe(status);
    expect(res.body.error.status).toBe(true);
    expect(res.body.error.code).toBe(status);
    if (message) expect(res.body.error.message).toMatch(message);
  }

  async create(data: Record<string, unknown> = {}): Promise<Resource> {
    return (await this.ok<{ resource: Resource }>('resource:create', data)).resource;
  }

  async directory(title: string, belonging?: string): Promise<Resource> {
    return (await this.ok<{ resource: Resource }>('resource:createDirectory', { title, belonging })).resource;
  }

  async get(id: string): Promise<Resource> {
    return (await this.ok<{ resource: Resource }>('resource:get', { resource: id })).resource;
  }

  async search(belonging: string, extra: Record<string, unknown> = {}) {
    return this.ok<{ resources: Resource[]; nextCursor: string; hasMore: boolean }>('resource:searchBelonging', { belonging, ...extra });
  }

  /** Every resource of a belonging, paging with the cursor. */
  async all(belonging: string, query?: string): Promise<Resource[]> {
    const out: Resource[] = [];
    let cursor = '';
    for (;;) {
      const page = await this.search(belonging, { cursor, limit: 100, ...(query ? { query } : {}) });
      out.push(...page.resources);
      if (!page.hasMore) return out;
      cursor = page.nextCursor;
    }
  }

  /** Creates a Chats room (seed 003; temporary rooms take any number of members) with the given members; the caller owns it. */
  async room(members: User[] = [], type = 'temporary'): Promise<string> {
    // the first authenticated call creates a user's profile, which Chats needs to add the user to a room
    await Promise.all(members.filter((m) => !m.hasProfile).map((m) => m.ok('sortingTable:get', { size: 1 })));
    const res = await this.api.post<{ id: string }>('/rooms', {
      type,
      name: `room of ${this.id.slice(0, 4)}`,
      membersIds: members.map((m) => m.id),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id;
  }

  /** Creates a prop of a room the caller owns (seed 001 prop.updateProp creates a prop not stored yet). */
  async prop(roomId: string, propId: string, contentAppend?: 'start' | 'end'): Promise<void> {
    const res = await this.api.post<{ error: { status: boolean } }>('/jsonRpc/prop.updateProp', { roomId, propId, title: propId });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    if (contentAppend) await propRefOf({ roomId, propId }).update({ contentAppend });
  }

  /** Shares one of the caller's resources (seed 004 PUT /ressource/{id}, with a manage_ressources token of the same user). */
  async share(stack: TestStack, resourceId: string, privacy: Record<string, unknown>): Promise<void> {
    const manager = new ApiClient(this.api.baseUrl, await stack.token({ user: this.id, scope: 'workspace_ressources manage_ressources' }));
    const res = await manager.put(`/ressource/${resourceId}`, { privacy });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }

  /** The content of a prop in its own order, through seed 001 prop.getPropContent. */
  async propContent(roomId: string, propId: string): Promise<string[]> {
    const res = await this.api.post<{ data: { content: Array<{ id: string }> } }>('/jsonRpc/prop.getPropContent', { roomId, propId });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.data.content.map((r) => r.id);
  }
}

export async function newUser(stack: TestStack, claims: { networkId?: string; name?: string } = {}): Promise<User> {
  const { id, token } = await stack.user(claims);
  return new User(id, token, stack.url);
}

/** The first event published with this name on this channel whose data matches. */
export async function eventOn(
  events: EventTap,
  endpoint: string,
  channel: string,
  predicate: (data: Record<string, unknown>) => boolean = () => true,
): Promise<Record<string, unknown>> {
  const event = await events.next(
    (e: EventMessage) => e.endpoint === endpoint && e.channel === channel && predicate(e.data as Record<string, unknown>),
  );
  const definition = eventDefinitions.find((d) => d.name === endpoint);
  expect(definition, `event ${endpoint} is declared`).toBeDefined();
  expect(channel.startsWith(`${definition?.channel}:`), `${endpoint} travels on a ${definition?.channel} channel`).toBe(true);
  expect(responseProblems(definition?.payload ?? {}, event.data), `${endpoint} payload`).toEqual([]);
  return event.data as Record<string, unknown>;
}

export const idsOf = (list: Array<{ id: string }>) => list.map((r) => r.id).sort();

const principalOf = (u: User): Principal => ({
  userId: u.id,
  subject: u.id,
  networkId: 'default',
  scopes: [],
  admin: false,
  token: u.token,
});

/**
 * Many resources at once through the same placement and insert code as resource:create, one
 * transaction per 250 (their events are published at once, as background code publishes them).
 */
export async function bulkCreate(owner: User, belonging: string, drafts: ResourceDraft[]): Promise<string[]> {
  const placement = await resolvePlacement(principalOf(owner), { belonging });
  const ids: string[] = [];
  for (let i = 0; i < drafts.length; i += 250) {
    const docs = await insertResources({}, principalOf(owner), placement, drafts.slice(i, i + 250));
    ids.push(...docs.map((d) => d.id));
  }
  return ids;
}
