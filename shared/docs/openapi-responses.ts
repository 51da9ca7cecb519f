import type { AnyOperation, RestStyle } from '../registry/types.js';
import { errorSchemaRef } from './openapi-components.js';
import { headerObjects } from './openapi-headers.js';

const json = (schema: unknown) => ({ 'application/json': { schema } });
const binary = { type: 'string', format: 'binary' };

/** `image/jpeg, image/png` -> one media type per key. */
export function mediaTypes(produces: string): string[] {
  return produces
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
}

/** The answers of a REST binding without error: the success status and, where served, 206/304/416. */
export function restSuccessResponses(op: AnyOperation, style: RestStyle): Record<string, unknown> {
  const status = op.successStatus ?? 200;
  const readHeaders = Object.keys(op.rest?.headers ?? {});
  const ranged = readHeaders.includes('range');
  const revalidated = readHeaders.includes('if-none-match');
  if (status === 302)
    return { '302': { description: 'Redirect to the bytes.', headers: headerObjects(['Location', ...(op.responseHeaders ?? [])]) } };
  if (status === 204) return { '204': { description: 'Done; no content.' } };
  if (!op.produces) {
    const statuses = [status, ...(op.otherSuccessStatuses ?? [])];
    return Object.fromEntries(statuses.map((code) => [String(code), { description: 'Success.', content: json(op.response) }]));
  }
  const content = Object.fromEntries(mediaTypes(op.produces).map((type) => [type, { schema: binary }]));
  const headers = [
    ...(op.responseHeaders ?? []),
    ...(ranged ? (['Accept-Ranges'] as const) : []),
    ...(revalidated ? (['ETag'] as const) : []),
  ];
  const responses: Record<string, unknown> = { [String(status)]: { description: 'The bytes.', headers: headerObjects(headers), content } };
  if (ranged) {
    responses['206'] = {
      description: 'The byte range asked for by Range.',
      headers: headerObjects(['Content-Range', ...headers]),
      content,
    };
    responses['416'] = {
      description: 'Range cannot be satisfied: the error envelope, or what a proxied upstream answered.',
      headers: headerObjects(['Content-Range']),
      content: { ...content, ...json(errorSchemaRef(style)) },
    };
  }
  if (revalidated) {
    responses['304'] = {
      description: 'Not modified: If-None-Match names the current ETag; no body.',
      headers: headerObjects(['ETag', ...(op.responseHeaders ?? [])]),
    };
  }
  return responses;
}

/** The 4xx/5xx answers, in the family's error envelope. */
export function errorResponses(op: AnyOperation, style: RestStyle | 'rpc', hasPathParams: boolean): Record<string, unknown> {
  const envelope = (description: string) => ({ description, content: json(errorSchemaRef(style)) });
  return {
    '400': envelope('Bad input: the message names the offending field.'),
    ...(op.auth === 'required' ? { '401': envelope('Missing, expired or invalid token.') } : {}),
    ...(style === 'chats' && op.auth === 'required'
      ? { '403': envelope('Not allowed (for example: not a member of an existing room).') }
      : {}),
    ...(hasPathParams || style === 'rpc' ? { '404': envelope('Does not exist, or the caller may not see it.') } : {}),
    '4XX': envelope('Other client errors: 409 conflict, 413 too large, 415 unsupported body type, 422 unprocessable, 429 too many.'),
    '5XX': envelope('Server error, or a partner service that is unavailable (503).'),
  };
}
