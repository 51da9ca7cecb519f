import type { EventPublisher, JsonSchema } from '../../shared/registry/types.js';
import { defineEvent } from '../../shared/registry/types.js';
import { family } from './define.js';
import { propSchema } from './schemas/prop.js';

const roomId = { type: 'string', format: 'uuid' } as const;
const propId = { type: 'string' } as const;

const propPayload: JsonSchema = { type: 'object', required: ['roomId', 'prop'], properties: { roomId, prop: propSchema } };
const propIdPayload: JsonSchema = { type: 'object', required: ['roomId', 'propId'], properties: { roomId, propId } };

/** Prop administration events (an extension of seed 001), on the channel of the prop's room. */
export const propEvents = {
  created: defineEvent({ extension: true, name: 'prop:created', family, channel: 'room', summary: 'A prop was created in a room (extension)', payload: propPayload }),
  updated: defineEvent({ extension: true, name: 'prop:updated', family, channel: 'room', summary: 'A prop of a room changed (extension)', payload: propPayload }),
  deleted: defineEvent({
    extension: true,
    name: 'prop:deleted',
    family,
    channel: 'room',
    summary: 'A prop was deleted; its content went back to the room sorting table (extension)',
    payload: propIdPayload,
  }),
  contentChanged: defineEvent({
    extension: true,
    name: 'prop:contentChanged',
    family,
    channel: 'room',
    summary: 'Resources entered, left or moved within a prop: read it again with prop.getPropContent (extension)',
    payload: propIdPayload,
  }),
};

export function emitPropChanged(events: EventPublisher, kind: 'created' | 'updated', prop: Record<string, unknown> & { roomId: string }): void {
  events.emit(propEvents[kind].name, `room:${prop.roomId}`, { roomId: prop.roomId, prop });
}

export function emitPropEvent(events: EventPublisher, kind: 'deleted' | 'contentChanged', roomId: string, propId: string): void {
  events.emit(propEvents[kind].name, `room:${roomId}`, { roomId, propId });
}
