import { randomUUID } from 'node:crypto';
import { forbidden, notFound } from '../../../shared/errors/api-error.js';
import { transactionWithEvents } from '../../../shared/events/outbox.js';
import { bucket } from '../../../shared/gcp/clients.js';
import { getRoomForMember, loadRoomAccess } from '../../../shared/access/rooms.js';
import { attachmentRef, readAttachment, type AttachmentRecord } from '../../../shared/rooms/attachments.js';
import { StoragePaths } from '../../../shared/data-layout.js';
import { deleteAttachmentObjects } from '../../../shared/rooms/cleanup.js';
import type { RoomMessageRecord } from '../../../shared/rooms/model.js';
import { messagesCollection } from '../../../shared/rooms/repository.js';
import type { EventPublisher, EventSink } from '../../../shared/registry/types.js';
import { roomEvents } from '../events.js';
import { forwardedAttachmentId } from '../rules/forwarded-stanza.js';

export interface ForwardedMessage {
  originalMessage: string;
  originalMessageSentAt?: string;
  description?: string;
}

export type StoredForward = RoomMessageRecord & { attachmentId?: string };

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The attachment a forwarded message shares: it must exist (404) in a room the sender is a member of (403). */
async function sharedAttachment(message: ForwardedMessage, index: number, senderId: string): Promise<AttachmentRecord | undefined> {
  const id = forwardedAttachmentId(message.originalMessage, index);
  if (id === undefined) return undefined;
  const attachment = uuidPattern.test(id) ? await readAttachment(id) : undefined;
  if (!attachment) throw notFound(`attachment ${id}`);
  const room = await loadRoomAccess(attachment.roomId, senderId);
  if (!room) throw notFound(`attachment ${id}`);
  if (!room.member) throw forbidden(`user ${senderId} is not a member of the room of attachment ${id}`);
  return attachment;
}

function announce(events: EventSink, m: StoredForward): void {
  events.emit(roomEvents.messageForwarded.name, `room:${m.roomId}`, {
    roomId: m.roomId,
    messageId: m.id,
    senderId: m.senderId,
    originalMessage: m.originalMessage,
    ...(m.originalMessageSentAt ? { originalMessageSentAt: m.originalMessageSentAt } : {}),
    ...(m.description !== undefined ? { description: m.description } : {}),
    ...(m.attachmentId ? { attachmentId: m.attachmentId } : {}),
    createdAt: m.createdAt,
  });
}

/**
 * Appends the forwarded messages to the target room's log (members only), in order. A message
 * sharing an attachment forwards a copy of it: a new attachment of the target room owned by the
 * sender, with its own copy of the bytes. Each message is announced on the room's channel in the same commit.
 */
export async function forwardMessages(
  events: EventPublisher,
  roomId: string,
  senderId: string,
  messages: ForwardedMessage[],
): Promise<StoredForward[]> {
  const { room } = await getRoomForMember(roomId, senderId);
  const shared: Array<AttachmentRecord | undefined> = [];
  for (const [index, message] of messages.entries()) shared.push(await sharedAttachment(message, index, senderId));

  const now = Date.now();
  const copies = new Map<number, AttachmentRecord>();
  try {
    for (const [index, original] of shared.entries()) {
      if (!original) continue;
      const copy: AttachmentRecord = {
        id: randomUUID(),
        roomId: room.id,
        networkId: room.networkId,
        userId: senderId,
        name: original.name,
        size: original.size,
        mimeType: original.mimeType,
        createdAt: new Date(now + index).toISOString(),
      };
      await bucket()
        .file(StoragePaths.attachment(original.id))
        .copy(bucket().file(StoragePaths.attachment(copy.id)));
      copies.set(index, copy);
    }
    return await transactionWithEvents(events, async (tx, sink) => {
      await getRoomForMember(room.id, senderId, { tx });
      return messages.map((message, index) => {
        const record: StoredForward = {
          id: randomUUID(),
          roomId: room.id,
          kind: 'forwarded',
          senderId,
          originalMessage: message.originalMessage,
          // one millisecond apart so the log keeps the request's order
          createdAt: new Date(now + index).toISOString(),
        };
        if (message.originalMessageSentAt) record.originalMessageSentAt = message.originalMessageSentAt;
        if (message.description !== undefined) record.description = message.description;
        const copy = copies.get(index);
        if (copy) {
          record.attachmentId = copy.id;
          tx.create(attachmentRef(copy.id), copy);
        }
        tx.create(messagesCollection(room.id).doc(record.id), record);
        announce(sink, record);
        return record;
      });
    });
  } catch (err) {
    for (const copy of copies.values()) await deleteAttachmentObjects(copy.id);
    throw err;
  }
}
