/**
 * Parses the generated AsyncAPI document with @asyncapi/parser and prints its errors and warnings
 * as JSON, with a count of operations. Run as a child process: the parse is CPU-heavy and would
 * stall the vitest worker.
 */
import { Parser } from '@asyncapi/parser';
import { asyncApiDocument } from './documents.js';

const { document, diagnostics } = await new Parser().parse(JSON.stringify(asyncApiDocument()));
const problems = diagnostics.filter((d) => d.severity <= 1).map((d) => `${d.code} ${d.path.join('.')}: ${d.message}`);
const get = document?.operations().get('resource_get');
process.stdout.write(
  JSON.stringify({ problems, operations: document?.operations().length ?? 0, resourceGetReplies: get?.reply()?.messages().length ?? 0 }) +
    '\n',
);
