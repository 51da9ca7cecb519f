import { defineEvent, type JsonSchema } from '../../shared/registry/types.js';
import { dateTime, uuid } from './schemas/common.js';
import { roomType } from './schemas/room.js';
import { family } from './define.js';

const payload = (properties: Record<string, JsonSchema>): JsonSchema => ({
  type: 'object',
  properties: { roomId: uuid, ...properties },
  required: ['roomId', ...Object.keys(properties)],
  additionalProperties: false,
});

export const roomEvents = {
  roomCreated: defineEvent({
    name: 'chats:roomCreated',
    family,
    summary: 'A room was created.',
    channel: 'room',
    payload: payload({ type: roomType, createdBy: uuid }),
  }),
  roomUpdated: defineEvent({
    name: 'chats:roomUpdated',
    family,
    summary: "A room's name or description changed.",
    channel: 'room',
    payload: payload({ name: { type: 'string' }, description: { type: 'string' }, updatedAt: dateTime }),
  }),
  roomDeleted: defineEvent({
    name: 'chats:roomDeleted',
    family,
    summary: 'A room was deleted (a workspace also deletes its channels).',
    channel: 'room',
    payload: payload({}),
  }),
  memberAdded: defineEvent({
    name: 'chats:roomMemberAdded',
    family,
    summary: 'A user joined the room.',
    channel: 'room',
    payload: payload({ userId: uuid, owner: { type: 'boolean' } }),
  }),
  memberRemoved: defineEvent({
    name: 'chats:roomMemberRemoved',
    family,
    summary: 'A member left the room or was removed by an owner.',
    channel: 'room',
    payload: payload({ userId: uuid, removedBy: uuid }),
  }),
  ownerPromoted: defineEvent({
    name: 'chats:roomOwnerPromoted',
    family,
    summary: 'A member became an owner of the room.',
    channel: 'room',
    payload: payload({ userId: uuid }),
  }),
  ownerDemoted: defineEvent({
    name: 'chats:roomOwnerDemoted',
    family,
    summary: 'An owner of the room became a plain member.',
    channel: 'room',
    payload: payload({ userId: uuid }),
  }),
  pictureChanged: defineEvent({
    name: 'chats:roomPictureChanged',
    family,
    summary: "The room's picture was set or replaced.",
    channel: 'room',
    payload: payload({ pictureUpdatedAt: dateTime }),
  }),
  pictureDeleted: defineEvent({
    name: 'chats:roomPictureDeleted',
    family,
    summary: "The room's picture was removed.",
    channel: 'room',
    payload: payload({}),
  }),
  messageForwarded: defineEvent({
    name: 'chats:messageForwarded',
    family,
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
  roomMuted: defineEvent({
    name: 'chats:roomMuted',
    family,
    summary: "The user muted a room's notifications (sent to the user's own channel).",
    channel: 'user',
    payload: payload({}),
  }),
  roomUnmuted: defineEvent({
    name: 'chats:roomUnmuted',
    family,
    summary: "The user unmuted a room's notifications (sent to the user's own channel).",
    channel: 'user',
    payload: payload({}),
  }),
  historyCleared: defineEvent({
    name: 'chats:roomHistoryCleared',
    family,
    summary: "The user cleared a room's history (sent to the user's own channel).",
    channel: 'user',
    payload: payload({ clearedAt: dateTime }),
  }),
};
