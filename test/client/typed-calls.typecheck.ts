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
