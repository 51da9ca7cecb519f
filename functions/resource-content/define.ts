import { defineOperation, type OperationDefinition } from '../../shared/registry/types.js';

export const FAMILY = 'resource-content';

/** Every operation of this family: resource-style errors, a signed-in caller. */
export function contentOperation<I, O>(op: Omit<OperationDefinition<I, O>, 'family' | 'restStyle' | 'auth'>): OperationDefinition<I, O> {
  return defineOperation<I, O>({ ...op, family: FAMILY, restStyle: 'resource', auth: 'required' });
}
