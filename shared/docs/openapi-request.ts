import type { AnyOperation, JsonSchema } from '../registry/types.js';
import { requestHeaderName } from './openapi-headers.js';

export type BodyKind = 'json' | 'binary' | 'none';

export const pathParams = (path: string): string[] => [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
const properties = (schema: JsonSchema) => (schema.properties as Record<string, JsonSchema> | undefined) ?? {};
const required = (schema: JsonSchema) => (schema.required as string[] | undefined) ?? [];
const COMPOSED = ['oneOf', 'anyOf', 'allOf', 'if', 'patternProperties'];

export function bodyKindOf(op: AnyOperation, method: string): BodyKind {
  return op.rest?.body ?? (method === 'GET' || method === 'DELETE' ? 'none' : 'json');
}

/**
 * Defaults of body fields move into their description: the server fills them, so the client may
 * omit them, and type generators (openapi-typescript) would otherwise make them mandatory.
 */
function defaultsAsText(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(defaultsAsText);
  if (typeof schema !== 'object' || schema === null) return schema;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) if (key !== 'default') copy[key] = defaultsAsText(value);
  if ('default' in schema) {
    const note = `Default: ${JSON.stringify((schema as { default: unknown }).default)}.`;
    copy.description = typeof copy.description === 'string' ? `${copy.description} ${note}` : note;
  }
  return copy;
}

/** The request schema without the given input properties (those that come from the path, a header or the query). */
function without(schema: JsonSchema, names: Set<string>): JsonSchema {
  const props = Object.fromEntries(Object.entries(properties(schema)).filter(([name]) => !names.has(name)));
  const req = required(schema).filter((name) => !names.has(name));
  const rest: JsonSchema = { ...schema, properties: props };
  if (req.length) rest.required = req;
  else delete rest.required;
  // removed properties were always supplied (path parameters are required), so they counted towards minProperties
  const removed = required(schema).filter((name) => names.has(name)).length;
  if (typeof schema.minProperties === 'number') {
    const min = schema.minProperties - removed;
    if (min > 0) rest.minProperties = min;
    else delete rest.minProperties;
  }
  return rest;
}

function hasContent(schema: JsonSchema): boolean {
  return Object.keys(properties(schema)).length > 0 || COMPOSED.some((k) => k in schema);
}

/** Path, header and query parameters of one REST binding; the path supplies its parameters only once. */
export function restParameters(op: AnyOperation, method: string, path: string): unknown[] {
  const inPath = pathParams(path);
  const props = properties(op.request);
  const headers = Object.entries(op.rest?.headers ?? {});
  const fromHeaders = new Set(headers.map(([, prop]) => prop));
  const describe = (schema: JsonSchema | undefined) => (schema?.description ? { description: schema.description } : {});
  const parameters: unknown[] = [
    ...inPath.map((name) => ({ name, in: 'path', required: true, ...describe(props[name]), schema: props[name] ?? { type: 'string' } })),
    ...headers.map(([header, prop]) => ({
      name: requestHeaderName(header),
      in: 'header',
      required: required(op.request).includes(prop),
      ...describe(props[prop]),
      schema: props[prop] ?? { type: 'string' },
    })),
  ];
  if (bodyKindOf(op, method) === 'none') {
    for (const [name, schema] of Object.entries(props)) {
      if (inPath.includes(name) || fromHeaders.has(name) || name === 'content') continue;
      parameters.push({ name, in: 'query', required: required(op.request).includes(name), ...describe(schema), schema });
    }
  }
  return parameters;
}

/**
 * The body a client sends: the request schema less what the path and headers supply; a bare array
 * where the binding takes one (`rest.bodyProperty`); none when nothing is left to send.
 */
export function restRequestBody(op: AnyOperation, method: string, path: string): Record<string, unknown> | undefined {
  const kind = bodyKindOf(op, method);
  if (kind === 'none') return undefined;
  if (kind === 'binary') {
    return {
      required: true,
      description: "The bytes of the file; Content-Type is the file's type.",
      content: { '*/*': { schema: { type: 'string', format: 'binary' } } },
    };
  }
  const supplied = new Set([...pathParams(path), ...Object.values(op.rest?.headers ?? {})]);
  const bodyProperty = op.rest?.bodyProperty;
  if (bodyProperty) {
    const array = properties(op.request)[bodyProperty];
    return {
      required: required(op.request).includes(bodyProperty),
      description: `A JSON array (the server also accepts it wrapped as \`{ "${bodyProperty}": [...] }\`).`,
      content: { 'application/json': { schema: defaultsAsText(array) } },
    };
  }
  const body = without(op.request, supplied);
  if (!hasContent(body)) return undefined;
  return { required: required(body).length > 0, content: { 'application/json': { schema: defaultsAsText(body) } } };
}

/** The request body of a JSON-RPC binding: the whole input object. */
export function rpcRequestBody(op: AnyOperation): Record<string, unknown> {
  return { required: required(op.request).length > 0, content: { 'application/json': { schema: defaultsAsText(op.request) } } };
}
