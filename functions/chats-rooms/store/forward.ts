import { randomUUID } from 'node:crypto';
import { firestore } from '../../../shared/gcp/clients.js';
import { getRoomForMember } from '../../../shared/rooms/access.js';
import type { RoomMessageRecord } from '../../../shared/rooms/model.js';
import { messagesCollection } from '../../../shared/rooms/repository.js';

export interface ForwardedMessage {
  originalMessage: string;
  originalMessageSentAt?: string;
  description?: string;
}

/** Appends the forwarded messages to the target room's message log (members only), in order. */
export async function forwardMessages(roomId: string, senderId: string, messages: ForwardedMessage[]): Promise<RoomMessageRecord[]> {
  return firestore().runTransaction(async (tx) => {
    const { room } = await getRoomForMember(roomId, senderId, { tx });
    const now = Date.now();
    return messages.map((message, index) => {
      const record: RoomMessageRecord = {
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
      tx.create(messagesCollection(room.id).doc(record.id), record);
      return record;
    });
  });
}
