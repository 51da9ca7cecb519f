import { event } from '../../shared/registry/define.js';
import type { EventSink } from '../../shared/registry/types.js';
import { propSchema } from './schemas/prop.js';

const roomId = { type: 'string', format: 'uuid' } as const;
const propId = { type: 'string' } as const;

const propPayload = { type: 'object', required: ['roomId', 'prop'], properties: { roomId, prop: propSchema } } as const;
const propIdPayload = { type: 'object', required: ['roomId', 'propId'], properties: { roomId, propId } } as const;

/** Prop administration events (an extension of seed 001), on the channel of the prop's room. */
export const propEvents = {
  created: event({
    extension: true,
    name: 'prop:created',
    channel: 'room',
    summary: 'A prop was created in a room (extension)',
    payload: propPayload,
  }),
  updated: event({
    extension: true,
    name: 'prop:updated',
    channel: 'room',
    summary: 'A prop of a room changed (extension)',
    payload: propPayload,
  }),
  deleted: event({
    extension: true,
    name: 'prop:deleted',
    channel: 'room',
    summary: 'A prop was deleted; its content went back to the room sorting table (extension)',
    payload: propIdPayload,
  }),
  contentChanged: event({
    extension: true,
    name: 'prop:contentChanged',
    channel: 'room',
    summary: 'Resources entered, left or moved within a prop: read it again with prop.getPropContent (extension)',
    payload: propIdPayload,
  }),
};

export function emitPropChanged(events: EventSink, kind: 'created' | 'updated', prop: Record<string, unknown> & { roomId: string }): void {
  events.emit(propEvents[kind].name, `room:${prop.roomId}`, { roomId: prop.roomId, prop });
}

export function emitPropEvent(events: EventSink, kind: 'deleted' | 'contentChanged', roomId: string, propId: string): void {
  events.emit(propEvents[kind].name, `room:${roomId}`, { roomId, propId });
}
