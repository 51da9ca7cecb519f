import type { FromSchema, JSONSchema } from 'json-schema-to-ts';
import type { BinaryContent } from './types.js';

/**
 * A request property that carries a binary body (`rest.body: 'binary'`): the transport puts the
 * stream there, so its type is `BinaryContent`, not the plain object the validator sees.
 */
export const binaryContent = { type: 'object', 'x-binary-content': true } as const;

type Deserialize = [{ pattern: { 'x-binary-content': true }; output: BinaryContent }];

/** An object type without its `[key: string]: unknown` part (the schema's declared fields only). */
export type DeclaredFields<T> = T extends object ? { [K in keyof T as string extends K ? never : K]: T[K] } : T;

/**
 * The handler's input: the request schema's declared fields (reading any other fails `tsc`, even
 * where the schema lets unknown fields through), binary bodies as streams.
 */
export type InputOf<S extends JSONSchema> = DeclaredFields<FromSchema<S, { deserialize: Deserialize }>>;

/** What a handler answers: the response schema's type. */
export type OutputOf<S extends JSONSchema> = FromSchema<S>;
