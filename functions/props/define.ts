import { defineOperation, type AuthMode, type OperationDefinition } from '../../shared/registry/types.js';

export const family = 'props';

/** seed 001's permission for changing a prop and its content: the owners of the prop's room */
export const MANAGE = 'prop.manage /networkId/roomId/propId (owners of the room)';
export const READ = 'membership of the room';

type PropsOperation<I, O> = Omit<OperationDefinition<I, O>, 'family' | 'auth' | 'bindings'> & { auth?: AuthMode };

/** Every prop operation is a JSON-RPC POST at `/jsonRpc/{name}` for authenticated users. */
export const propOperation = <I, O>(op: PropsOperation<I, O>) =>
  defineOperation<I, O>({ family, auth: 'required', bindings: { jsonRpc: `/jsonRpc/${op.name}` }, ...op });
