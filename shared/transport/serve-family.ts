import type { HttpFunction } from '@google-cloud/functions-framework';
import type { Family } from '../registry/family.js';
import { createFamilyHandler } from './family-handler.js';
import { registerHttp } from './register-function.js';

/** Registers a family as the HTTP function of its name and returns its handler (for the gateway and tests). */
export function serveFamily(family: Family): HttpFunction {
  const handler = createFamilyHandler(family.operations);
  registerHttp(family.name, handler);
  return handler;
}
