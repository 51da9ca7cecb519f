/**
 * Type-level test, checked by `tsc --noEmit` (part of `npm test`), never run: the client's calls are
 * typed from the registry's schemas, so a wrong field name or a wrong answer type fails to compile.
 */
import { HttpClient, RealtimeClient } from '../../shared/client/index.js';

export async function typedCalls(http: HttpClient, realtime: RealtimeClient): Promise<void> {
  const created = await http.call('resource.createMetadata', { resource: { title: 'Floor plan' } });
  const id: string = created.id;
  // @ts-expect-error a field the request schema does not have
  await http.call('resource.createMetadata', { resource: { tittle: 'Floor plan' } });
  // @ts-expect-error a required field is missing
  await http.call('getRoom', {});
  // @ts-expect-error the answer has no such field
  void (await http.call('getRoom', { roomId: id })).nonexistent;
  // @ts-expect-error not an operation
  await http.call('resource.nonexistent', {});
  await http.call('getHealthStatus');

  const socketCreated = await realtime.call('resource:create', { resource: { title: 'hello' } });
  const status: 'pending' | 'processing' | 'ready' | 'failed' = socketCreated.resource.status;
  // @ts-expect-error a field resource:get does not take
  await realtime.call('resource:get', { resourceId: id });
  // @ts-expect-error the payload's id is a string
  realtime.on('resource:updated', (payload) => payload.resource.id satisfies number);
  realtime.on('chats:roomCreated', (payload, meta) => void [payload, meta.channel]);
  void status;
}

/** The generated methods: one per operation and endpoint, typed like `call`. */
export async function typedMethods(http: HttpClient, realtime: RealtimeClient): Promise<void> {
  const created = await http.resource.createMetadata({ resource: { title: 'Floor plan' } });
  const room = await http.getRoom({ roomId: created.id });
  void room;
  await http.getHealthStatus();
  // @ts-expect-error a field the request schema does not have
  await http.resource.createMetadata({ resource: { tittle: 'Floor plan' } });
  // @ts-expect-error a required field is missing
  await http.getRoom({});
  // @ts-expect-error not an operation
  await http.resource.nonexistent({});
  // @ts-expect-error the answer has no such field
  void (await http.resource.info({ id: created.id })).nonexistent;

  const socketCreated = await realtime.resource.create({ resource: { title: 'hello' } });
  const id: string = socketCreated.resource.id;
  await realtime.resource.get({ resource: id });
  await realtime.sortingTable.get({});
  await realtime.relay.recover({ channels: { [`user:${id}`]: 3 } });
  // @ts-expect-error a field resource:get does not take
  await realtime.resource.get({ resourceId: id });
  // @ts-expect-error not an endpoint
  await realtime.resource.nonexistent({});
  // @ts-expect-error auth is sent by connect and refreshToken, not as a method
  await realtime.auth({ token: 'x' });
  // @ts-expect-error the answer has no such field
  void (await realtime.resource.get({ resource: id })).nonexistent;
  // @ts-expect-error not a WebSocket endpoint
  await realtime.call('resource:nonexistent', {});
}

/** Event callbacks are typed by event name, and the channel by the kind of channel the event is published on. */
export function typedEvents(realtime: RealtimeClient): void {
  realtime.on(
    'resource:updated',
    (payload, meta) => void [payload.resource.id satisfies string, meta.channel satisfies `resource:${string}`],
    { channel: 'resource:1' },
  );
  realtime.on('sortingTable:addResources', (payload) => void payload.resources, { channel: 'user:42' });
  // @ts-expect-error resource:updated is published on resource:{id}, never on a user channel
  realtime.on('resource:updated', () => undefined, { channel: 'user:42' });
  // @ts-expect-error not an event
  realtime.on('resource:nonexistent', () => undefined);
  // @ts-expect-error the payload has no such field
  realtime.on('chats:roomCreated', (payload) => void payload.nonexistent);
}
