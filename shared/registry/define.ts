import type { JSONSchema } from 'json-schema-to-ts';
import type { Family } from './family.js';
import type { InputOf, OutputOf } from './schema-types.js';
import type { AuthMode, Bindings, EventDefinition, OperationContext, OperationDefinition, OperationResult, RestStyle } from './types.js';

/** What an operation file declares; its family stamps the family name and fills the defaults. */
export type OperationSpec<I, O> = Omit<OperationDefinition<I, O>, 'family' | 'auth' | 'bindings'> & {
  /** default: the family's `auth` (itself `required` unless the family says otherwise) */
  auth?: AuthMode;
  /** default: the family's `bindings(name)` */
  bindings?: Bindings;
};

export type EventSpec = Omit<EventDefinition, 'family'>;

type Declared<Req, Res> = Omit<OperationSpec<unknown, unknown>, 'request' | 'response' | 'handler'> & { request: Req; response: Res };

/**
 * Declares an operation whose handler's input and answer are typed from its own request and
 * response schemas (written inline or `as const`): a handler reading a field its request does not
 * declare, or answering a shape its response does not allow, fails `tsc`.
 *
 *     export const getRoom = operation({ name: 'getRoom', summary, permission, request, response })
 *       .handle(async (ctx, input) => ({ ... }));
 *
 * The handler comes second so that TypeScript reads the schemas before it types the handler.
 */
export function operation<const Req extends JSONSchema, const Res extends JSONSchema>(declared: Declared<Req, Res>) {
  return {
    handle: (
      handler: (ctx: OperationContext, input: InputOf<Req>) => Promise<OutputOf<Res> | OperationResult>,
    ): OperationSpec<InputOf<Req>, OutputOf<Res>> => ({ ...declared, handler }) as OperationSpec<InputOf<Req>, OutputOf<Res>>,
  };
}

export function event(spec: EventSpec): EventSpec {
  return spec;
}

export interface FamilyDefaults {
  auth?: AuthMode;
  restStyle?: RestStyle;
  /** the bindings of an operation that declares none, from its name (e.g. its WebSocket endpoint) */
  bindings?: (name: string) => Bindings;
}

export interface FamilySpec {
  description: string;
  defaults?: FamilyDefaults;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  operations: OperationSpec<any, any>[];
  events: EventSpec[];
}

/** Bindings by the name's form: `resource:get` is a WebSocket endpoint, `prop.getPropModel` JSON-RPC. */
export const websocketByName = (name: string): Bindings => ({ websocket: name });
export const jsonRpcByName =
  (prefix: string) =>
  (name: string): Bindings => ({ jsonRpc: `${prefix}${name}` });

/**
 * Stamps a deployable family: every operation and event gets the family's name, and every
 * operation the family's defaults for what it leaves out (`auth: 'required'` unless said).
 */
export function defineFamily(name: string, spec: FamilySpec): Family {
  const defaults = spec.defaults ?? {};
  const operations = spec.operations.map((op) => {
    const bindings = op.bindings ?? defaults.bindings?.(op.name);
    if (!bindings) throw new Error(`operation ${op.name} of ${name} has no bindings and its family no default`);
    return {
      ...op,
      family: name,
      auth: op.auth ?? defaults.auth ?? 'required',
      bindings,
      ...((op.restStyle ?? defaults.restStyle) ? { restStyle: op.restStyle ?? defaults.restStyle } : {}),
    };
  });
  return { name, description: spec.description, operations, events: spec.events.map((ev) => ({ ...ev, family: name })) };
}
