import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { badRequest } from '../errors/api-error.js';
import type { JsonSchema } from '../registry/types.js';
import { firestoreLimitProblem } from './firestore-limits.js';

/**
 * Requests fill defaults; neither requests nor responses coerce types (path and query strings are
 * converted beforehand by `coerceStringValues`, JSON bodies must carry the right types).
 */
const requestAjv = new Ajv({ allErrors: false, coerceTypes: false, useDefaults: true, strict: false });
const responseAjv = new Ajv({ allErrors: true, coerceTypes: false, strict: false });
addFormats.default(requestAjv);
addFormats.default(responseAjv);

const requestCache = new WeakMap<JsonSchema, ValidateFunction>();
const responseCache = new WeakMap<JsonSchema, ValidateFunction>();

function compiled(cache: WeakMap<JsonSchema, ValidateFunction>, ajv: Ajv, schema: JsonSchema): ValidateFunction {
  let fn = cache.get(schema);
  if (!fn) {
    fn = ajv.compile(schema);
    cache.set(schema, fn);
  }
  return fn;
}

/** Compiles both schemas of an operation now (they are otherwise compiled on first use). */
export function compileSchemas(request: JsonSchema, response: JsonSchema): void {
  compiled(requestCache, requestAjv, request);
  compiled(responseCache, responseAjv, response);
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
  const fn = compiled(requestCache, requestAjv, schema);
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
  const fn = compiled(responseCache, responseAjv, schema);
  if (fn(data)) return [];
  return (fn.errors ?? []).map((e) => describeError(e, 'response'));
}
