import type { Family } from '../registry/family.js';
import type { AnyOperation, HttpBinding } from '../registry/types.js';
import { componentSchemas, securitySchemes } from './openapi-components.js';
import { errorResponses, restSuccessResponses } from './openapi-responses.js';
import { pathParams, restParameters, restRequestBody, rpcRequestBody } from './openapi-request.js';
import { operationIds } from './operation-ids.js';

const ANYONE = [{}];

function common(op: AnyOperation, operationId: string) {
  const replaced = op.replacedBy ? `Deprecated: use \`${op.replacedBy}\`.` : undefined;
  const description = [op.description, replaced, `Permission: ${op.permission}.`].filter(Boolean).join('\n\n');
  return {
    operationId,
    summary: op.summary,
    description,
    ...(op.deprecated ? { deprecated: true } : {}),
    tags: [op.family],
    'x-operation': op.name,
    'x-permission': op.permission,
    ...(op.auth === 'none'
      ? { security: [] }
      : op.auth === 'optional'
        ? { security: [...ANYONE, { bearer: [] }, { sessionId: [] }, { cookie: [] }] }
        : {}),
  };
}

function restOperation(op: AnyOperation, binding: HttpBinding, operationId: string) {
  const style = op.restStyle ?? 'resource';
  const parameters = restParameters(op, binding.method, binding.path);
  const requestBody = restRequestBody(op, binding.method, binding.path);
  return {
    ...common(op, operationId),
    ...(parameters.length ? { parameters } : {}),
    ...(requestBody ? { requestBody } : {}),
    responses: { ...restSuccessResponses(op, style), ...errorResponses(op, style, pathParams(binding.path).length > 0) },
  };
}

function jsonRpcOperation(op: AnyOperation, operationId: string) {
  const answer = {
    type: 'object',
    required: ['data', 'error'],
    properties: { data: op.response, error: { $ref: '#/components/schemas/OkStatus' } },
  };
  return {
    ...common(op, operationId),
    requestBody: rpcRequestBody(op),
    responses: {
      '200': {
        description: 'Success: `data` is the answer, `error.status` is false.',
        content: { 'application/json': { schema: answer } },
      },
      ...errorResponses(op, 'rpc', false),
    },
  };
}

/** OpenAPI 3.1 document of every HTTP and JSON-RPC binding in the registry. */
export function buildOpenApi(families: Family[], serverUrl: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const taken = new Set<string>();
  for (const family of families) {
    for (const op of family.operations) {
      const ids = operationIds(op, taken);
      (op.bindings.http ?? []).forEach((binding, index) => {
        paths[binding.path] ??= {};
        paths[binding.path][binding.method.toLowerCase()] = restOperation(op, binding, ids.rest[index]);
      });
      if (op.bindings.jsonRpc && ids.rpc) {
        paths[op.bindings.jsonRpc] ??= {};
        paths[op.bindings.jsonRpc].post = jsonRpcOperation(op, ids.rpc);
      }
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Rooms, chats and content API',
      version: '0.1.0',
      description:
        'Generated from the operation registry. Authenticate with `Authorization: Bearer <jwt>` (locally: `npm run token`). ' +
        'The WebSocket methods and events are in `/asyncapi.json`; a getting-started guide is at `/docs`.',
    },
    servers: [{ url: serverUrl, description: 'this deployment' }],
    tags: families
      .filter((f) => f.operations.some((op) => op.bindings.http || op.bindings.jsonRpc))
      .map((f) => ({ name: f.name, description: f.description })),
    paths,
    components: { schemas: componentSchemas, securitySchemes },
    security: [{ bearer: [] }, { sessionId: [] }, { cookie: [] }],
  };
}
