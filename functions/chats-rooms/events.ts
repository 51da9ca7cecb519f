import { event } from '../../shared/registry/define.js';
import type { JsonSchema } from '../../shared/registry/types.js';
import { dateTime, uuid } from './schemas/common.js';
import { roomType } from './schemas/room.js';

const payload = (properties: Record<string, JsonSchema>): JsonSchema => ({
  type: 'object',
  properties: { roomId: uuid, ...properties },
  required: ['roomId', ...Object.keys(properties)],
  additionalProperties: false,
});

export const roomEvents = {
  roomCreated: event({
    extension: true,
    name: 'chats:roomCreated',
    summary: 'A room was created.',
    channel: 'room',
    payload: payload({ type: roomType, createdBy: uuid }),
  }),
  roomUpdated: event({
    extension: true,
    name: 'chats:roomUpdated',
    summary: "A room's name or description changed.",
    channel: 'room',
    payload: payload({ name: { type: 'string' }, description: { type: 'string' }, updatedAt: dateTime }),
  }),
  roomDeleted: event({
    extension: true,
    name: 'chats:roomDeleted',
    summary: 'A room was deleted (a workspace also deletes its channels).',
    channel: 'room',
    payload: payload({}),
  }),
  memberAdded: event({
    extension: true,
    name: 'chats:roomMemberAdded',
    summary: 'A user joined the room.',
    channel: 'room',
    payload: payload({ userId: uuid, owner: { type: 'boolean' } }),
  }),
  memberRemoved: event({
    extension: true,
    name: 'chats:roomMemberRemoved',
    summary: 'A member left the room or was removed by an owner.',
    channel: 'room',
    payload: payload({ userId: uuid, removedBy: uuid }),
  }),
  ownerPromoted: event({
    extension: true,
    name: 'chats:roomOwnerPromoted',
    summary: 'A member became an owner of the room.',
    channel: 'room',
    payload: payload({ userId: uuid }),
  }),
  ownerDemoted: event({
    extension: true,
    name: 'chats:roomOwnerDemoted',
    summary: 'An owner of the room became a plain member.',
    channel: 'room',
    payload: payload({ userId: uuid }),
  }),
  pictureChanged: event({
    extension: true,
    name: 'chats:roomPictureChanged',
    summary: "The room's picture was set or replaced.",
    channel: 'room',
    payload: payload({ pictureUpdatedAt: dateTime }),
  }),
  pictureDeleted: event({
    extension: true,
    name: 'chats:roomPictureDeleted',
    summary: "The room's picture was removed.",
    channel: 'room',
    payload: payload({}),
  }),
  messageForwarded: event({
    extension: true,
    name: 'chats:messageForwarded',
    summary: 'A message was forwarded into the room (stored in its message log).',
    channel: 'room',
    payload: {
      type: 'object',
      properties: {
        roomId: uuid,
        messageId: uuid,
        senderId: uuid,
        originalMessage: { type: 'string' },
        originalMessageSentAt: dateTime,
        description: { type: 'string' },
        attachmentId: { ...uuid, description: "The room's copy of the attachment the message shares." },
        createdAt: dateTime,
      },
      required: ['roomId', 'messageId', 'senderId', 'originalMessage', 'createdAt'],
      additionalProperties: false,
    },
  }),
  roomMuted: event({
    extension: true,
    name: 'chats:roomMuted',
    summary: "The user muted a room's notifications (sent to the user's own channel).",
    channel: 'user',
    payload: payload({}),
  }),
  roomUnmuted: event({
    extension: true,
    name: 'chats:roomUnmuted',
    summary: "The user unmuted a room's notifications (sent to the user's own channel).",
    channel: 'user',
    payload: payload({}),
  }),
  historyCleared: event({
    extension: true,
    name: 'chats:roomHistoryCleared',
    summary: "The user cleared a room's history (sent to the user's own channel).",
    channel: 'user',
    payload: payload({ clearedAt: dateTime }),
  }),
};
