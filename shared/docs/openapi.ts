import type { Family } from '../registry/family.js';
import type { AnyOperation, JsonSchema } from '../registry/types.js';

const errorSchemas: Record<string, JsonSchema> = {
  ChatsError: { type: 'object', properties: { traceId: { type: 'string' }, message: { type: 'string' } } },
  ResourceError: {
    type: 'object',
    properties: {
      error: { type: 'object', properties: { status: { type: 'boolean' }, code: { type: 'integer' }, message: { type: 'string' } } },
    },
  },
};

function pathParams(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
}

function properties(schema: JsonSchema): Record<string, JsonSchema> {
  return (schema.properties as Record<string, JsonSchema> | undefined) ?? {};
}

function required(schema: JsonSchema): string[] {
  return (schema.required as string[] | undefined) ?? [];
}

function errorRef(op: AnyOperation) {
  return { $ref: `#/components/schemas/${op.restStyle === 'chats' ? 'ChatsError' : 'ResourceError'}` };
}

function restOperation(op: AnyOperation, method: string, path: string) {
  const inPath = pathParams(path);
  const headerProps = Object.entries(op.rest?.headers ?? {});
  const headerTargets = new Set(headerProps.map(([, p]) => p));
  const bodyKind = op.rest?.body ?? (method === 'GET' || method === 'DELETE' ? 'none' : 'json');
  const props = properties(op.request);
  const parameters = [
    ...inPath.map((name) => ({ name, in: 'path', required: true, schema: props[name] ?? { type: 'string' } })),
    ...headerProps.map(([header, prop]) => ({ name: header, in: 'header', required: required(op.request).includes(prop), schema: props[prop] ?? { type: 'string' } })),
    ...(bodyKind === 'none'
      ? Object.entries(props)
          .filter(([name]) => !inPath.includes(name) && !headerTargets.has(name))
          .map(([name, schema]) => ({ name, in: 'query', required: required(op.request).includes(name), schema }))
      : []),
  ];
  const success = op.successStatus ?? 200;
  const responses: Record<string, unknown> = {
    [String(success)]: op.produces
      ? { description: op.produces, content: { [op.produces]: {} } }
      : { description: 'success', content: { 'application/json': { schema: op.response } } },
    default: { description: 'error', content: { 'application/json': { schema: errorRef(op) } } },
  };
  return {
    operationId: `${op.name}${method === 'GET' ? '' : `_${method.toLowerCase()}`}_${path}`.replace(/[^A-Za-z0-9_.:-]/g, '_'),
    'x-operation': op.name,
    summary: op.summary,
    description: op.description,
    deprecated: op.deprecated || undefined,
    tags: [op.family],
    'x-permission': op.permission,
    security: op.auth === 'none' ? [] : undefined,
    parameters,
    requestBody:
      bodyKind === 'json'
        ? { required: true, content: { 'application/json': { schema: op.request } } }
        : bodyKind === 'binary'
          ? { required: true, content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } }
          : undefined,
    responses,
  };
}

function jsonRpcOperation(op: AnyOperation) {
  return {
    operationId: op.name,
    summary: op.summary,
    deprecated: op.deprecated || undefined,
    tags: [op.family],
    'x-permission': op.permission,
    requestBody: { required: true, content: { 'application/json': { schema: op.request } } },
    responses: {
      '200': {
        description: 'success',
        content: { 'application/json': { schema: { type: 'object', properties: { data: op.response, error: errorSchemas.ResourceError.properties } } } },
      },
      default: { description: 'error; the HTTP status equals error.code', content: { 'application/json': { schema: errorRef(op) } } },
    },
  };
}

/** OpenAPI 3.1 document of every HTTP and JSON-RPC binding in the registry. */
export function buildOpenApi(families: Family[], serverUrl: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const family of families) {
    for (const op of family.operations) {
      for (const binding of op.bindings.http ?? []) {
        paths[binding.path] ??= {};
        paths[binding.path][binding.method.toLowerCase()] = restOperation(op, binding.method, binding.path);
      }
      if (op.bindings.jsonRpc) {
        paths[op.bindings.jsonRpc] ??= {};
        paths[op.bindings.jsonRpc].post = jsonRpcOperation(op);
      }
    }
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Rooms, chats and content API', version: '0.1.0', description: 'Generated from the operation registry.' },
    servers: [{ url: serverUrl }],
    tags: families.map((f) => ({ name: f.name, description: f.description })),
    paths,
    components: {
      schemas: errorSchemas,
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        sessionId: { type: 'apiKey', in: 'header', name: 'X-Session-Id' },
        cookie: { type: 'apiKey', in: 'cookie', name: 'ZM_AUTH_TOKEN' },
      },
    },
    security: [{ bearer: [] }, { sessionId: [] }, { cookie: [] }],
  };
}
