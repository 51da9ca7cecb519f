import { defineOperation, type OperationDefinition } from '../../shared/registry/types.js';

export const family = 'chats-rooms';

type RoomsOperation<I, O> = Omit<OperationDefinition<I, O>, 'family' | 'restStyle' | 'auth'>;

/** Every operation of this family is a seed 003 REST operation for authenticated users. */
export const roomsOperation = <I, O>(op: RoomsOperation<I, O>) =>
  defineOperation<I, O>({ family, restStyle: 'chats', auth: 'required', ...op });
