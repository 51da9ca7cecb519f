import { createRequire } from 'node:module';
import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';
import type addFormats from 'ajv-formats';
import { badRequest } from '../errors/api-error.js';
import type { JsonSchema } from '../registry/types.js';
import { firestoreLimitProblem } from './firestore-limits.js';

let instances: { request: Ajv; response: Ajv } | undefined;

/**
 * Requests fill defaults; neither requests nor responses coerce types (path and query strings are
 * converted beforehand by `coerceStringValues`, JSON bodies must carry the right types). ajv loads
 * with the first schema compiled, not at a cold start.
 */
function ajv(): { request: Ajv; response: Ajv } {
  if (!instances) {
    const require = createRequire(import.meta.url);
    const { Ajv } = require('ajv') as typeof import('ajv');
    const formats = require('ajv-formats') as typeof addFormats;
    instances = {
      request: new Ajv({ allErrors: false, coerceTypes: false, useDefaults: true, strict: false }),
      response: new Ajv({ allErrors: true, coerceTypes: false, strict: false }),
    };
    formats.default(instances.request);
    formats.default(instances.response);
  }
  return instances;
}

const requestCache = new WeakMap<JsonSchema, ValidateFunction>();
const responseCache = new WeakMap<JsonSchema, ValidateFunction>();

function compiled(cache: WeakMap<JsonSchema, ValidateFunction>, which: 'request' | 'response', schema: JsonSchema): ValidateFunction {
  let fn = cache.get(schema);
  if (!fn) {
    fn = ajv()[which].compile(schema);
    cache.set(schema, fn);
  }
  return fn;
}

/** Compiles both schemas of an operation now (they are otherwise compiled on first use). */
export function compileSchemas(request: JsonSchema, response: JsonSchema): void {
  compiled(requestCache, 'request', request);
  compiled(responseCache, 'response', response);
}

/** Turns an ajv error into a sentence that names the offending field. */
export function describeError(error: ErrorObject, root = 'request'): string {
  const path = error.instancePath
    .split('/')
    .filter(Boolean)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
  switch (error.keyword) {
    case 'required': {
      const missing = (error.params as { missingProperty: string }).missingProperty;
      return `${path ? `${path}.` : ''}${missing} is required`;
    }
    case 'additionalProperties': {
      const extra = (error.params as { additionalProperty: string }).additionalProperty;
      return `${path ? `${path}.` : ''}${extra} is not allowed`;
    }
    case 'enum': {
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ');
      return `${path || root} must be one of ${allowed}`;
    }
    default:
      return `${path || root} ${error.message ?? 'is invalid'}`;
  }
}

/**
 * Validates (and fills defaults into) a request input in place, then checks it against Firestore's
 * limits; throws a 400 naming the field.
 */
export function validateRequest<T>(schema: JsonSchema, input: unknown): T {
  const fn = compiled(requestCache, 'request', schema);
  if (!fn(input)) {
    const first = fn.errors?.[0];
    throw badRequest(first ? describeError(first) : 'invalid request');
  }
  const problem = firestoreLimitProblem(input);
  if (problem) throw badRequest(problem);
  return input as T;
}

/** Returns the list of problems of a response, empty when it matches its schema. */
export function responseProblems(schema: JsonSchema, data: unknown): string[] {
  const fn = compiled(responseCache, 'response', schema);
  if (fn(data)) return [];
  return (fn.errors ?? []).map((e) => describeError(e, 'response'));
}
