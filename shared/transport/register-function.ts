import type { Domain } from 'node:domain';
import { cloudEvent, http, type CloudEventFunction, type HttpFunction } from '@google-cloud/functions-framework';

/**
 * functions-framework runs every invocation inside a `node:domain`. Each async resource created in
 * a domain is tagged with it and re-enters it on every callback, and a connection first opened there
 * (the Firestore client's shared gRPC channel, say) stays bound to that one invocation's domain for
 * the life of the instance, so its errors would be reported to a long-finished request. That
 * bookkeeping cost about a third of `resource:get`'s CPU (`npm run bench -- api`).
 *
 * Our handlers catch and answer their own errors (the family handler, the job handler), and an
 * exception nobody catches still reaches functions-framework's process-level handler, which
 * answers the request in flight and restarts the instance.
 */
export function outsideRequestDomain<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  return (...args) => {
    (process as { domain?: Domain }).domain?.exit();
    return fn(...args);
  };
}

/** Registers an HTTP function with functions-framework; it runs outside the per-request domain. */
export function registerHttp(name: string, handler: HttpFunction): void {
  http(name, outsideRequestDomain(handler));
}

/** Registers a CloudEvent (Pub/Sub) function with functions-framework; it runs outside the per-request domain. */
export function registerCloudEvent<T>(name: string, handler: CloudEventFunction<T>): void {
  cloudEvent<T>(name, outsideRequestDomain(handler));
}
