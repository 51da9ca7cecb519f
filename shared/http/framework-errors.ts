import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { ApiError, type ErrorStatus } from '../errors/api-error.js';
import { log } from '../log.js';
import { requestIdFrom } from '../transport/invoke.js';
import { takeBody } from './body-intake.js';
import { sendError } from './error-reply.js';
import { resolveRoute, type RouteInfo } from './route-registry.js';

type Handle = (this: unknown, req: IncomingMessage, res: ServerResponse, callback?: (err?: unknown) => void) => void;

/** The express instance functions-framework builds its app with (not necessarily one of ours). */
function frameworkExpress(): { application: { handle: Handle } } {
  const require = createRequire(import.meta.url);
  return createRequire(require.resolve('@google-cloud/functions-framework'))('express');
}

export function pathOf(url: string | undefined): string {
  return (url ?? '/').split('?')[0];
}

const CLIENT_STATUSES = new Set<number>([400, 401, 403, 404, 409, 413, 415, 422, 429]);

/** body-parser, router and URI errors as the client should read them; anything else is a 500 logged without its payload. */
export function asClientError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof URIError) return new ApiError(400, 'malformed percent-encoding in the URL');
  const e = (err ?? {}) as { status?: number; statusCode?: number; type?: string; message?: string };
  const status = e.status ?? e.statusCode ?? 500;
  if (e.type === 'entity.parse.failed') return new ApiError(400, 'request body is not valid JSON');
  if (e.type === 'entity.too.large') return new ApiError(413, 'request body is too large');
  if (e.type === 'charset.unsupported' || e.type === 'encoding.unsupported')
    return new ApiError(415, e.message ?? 'unsupported body encoding');
  if (status === 400 && /decode/i.test(e.message ?? '')) return new ApiError(400, 'malformed percent-encoding in the URL');
  if (CLIENT_STATUSES.has(status)) return new ApiError(status as ErrorStatus, e.message ?? 'bad request');
  return new ApiError(500, 'internal error');
}

function envelopeOf(req: IncomingMessage): RouteInfo['envelope'] {
  return resolveRoute(req.method ?? 'GET', pathOf(req.url))?.envelope ?? 'resource';
}

function finalHandler(req: IncomingMessage, res: ServerResponse) {
  return (err?: unknown) => {
    const apiError = err === undefined ? new ApiError(404, `no operation at ${req.method} ${pathOf(req.url)}`) : asClientError(err);
    if (apiError.status >= 500) {
      const e = err instanceof Error ? err : new Error(String(err));
      // never the error's `body` (body-parser copies the request bytes there)
      log.error('request failed before reaching its operation', {
        error: { name: e.name, message: e.message, stack: e.stack },
        path: pathOf(req.url),
      });
    }
    sendError(req, res, envelopeOf(req), apiError, requestIdFrom(req.headers));
  };
}

let installed = false;

/**
 * Puts our own body intake in front of functions-framework's Express body parsers for family
 * routes, and our own final handler behind the app: parse failures, oversized bodies, bad
 * encodings and anything Express would render as an HTML page with a stack trace answer in the
 * route's JSON envelope instead. Must run before functions-framework builds its app (it copies
 * `application.handle` into each app it creates), i.e. when a function module is loaded.
 */
export function installFrameworkErrorHandling(): void {
  if (installed) return;
  installed = true;
  const application = frameworkExpress().application;
  const original = application.handle;
  application.handle = function handle(this: unknown, req, res, callback) {
    if (callback) return original.call(this, req, res, callback);
    const done = finalHandler(req, res);
    const route = resolveRoute(req.method ?? 'GET', pathOf(req.url));
    if (!route) return original.call(this, req, res, done);
    takeBody(req, res, route).then(
      () => original.call(this, req, res, done),
      (err: unknown) => done(err),
    );
  };
}
