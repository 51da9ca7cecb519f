import { env } from '../../../shared/config.js';
import { docsAssetNames, docsAssets, readDocsAsset } from '../../../shared/docs/assets.js';
import { operation } from '../../../shared/registry/define.js';
import type { Family } from '../../../shared/registry/family.js';
import { results } from '../../../shared/registry/types.js';
import { anyObject, emptyObject } from '../schemas/system.js';

const common = {
  extension: true,
  auth: 'none',
  permission: 'none',
  restStyle: 'resource',
  request: emptyObject,
  response: anyObject,
} as const;
const html = (text: string) => results.binary(Buffer.from(text), 'text/html; charset=utf-8', { 'cache-control': 'no-cache' });

/**
 * The operations serving the API documents of `system` (the family they belong to, passed in by it)
 * and of the API families, which are loaded on the first document request so that a health check
 * never loads them.
 */
export function docsOperations(system: () => Family) {
  const documented = async (): Promise<Family[]> => [system(), ...(await import('../../api-families.js')).apiFamilies];

  const getOpenApi = operation({
    ...common,
    name: 'docs.openapi',
    summary: 'OpenAPI 3.1 document of every HTTP and JSON-RPC binding, generated from the registry',
    bindings: { http: [{ method: 'GET', path: '/openapi.json' }] },
  }).handle(async () => {
    const [families, { buildOpenApi }] = await Promise.all([documented(), import('../../../shared/docs/openapi.js')]);
    return buildOpenApi(families, env('PUBLIC_BASE_URL')!);
  });

  const getAsyncApi = operation({
    ...common,
    name: 'docs.asyncapi',
    summary: 'AsyncAPI 3 document of the WebSocket methods, channels and events, generated from the registry',
    bindings: { http: [{ method: 'GET', path: '/asyncapi.json' }] },
  }).handle(async () => {
    const [families, { buildAsyncApi }] = await Promise.all([documented(), import('../../../shared/docs/asyncapi.js')]);
    return buildAsyncApi(families, env('PUBLIC_BASE_URL')!.replace(/^http/, 'ws'));
  });

  const getDocsPage = operation({
    ...common,
    name: 'docs.page',
    summary: 'Getting started: a token, first calls, an upload, waiting until it is ready, a socket; links to both references',
    bindings: { http: [{ method: 'GET', path: '/docs' }] },
    produces: 'text/html',
  }).handle(async () => html((await import('../../../shared/docs/pages.js')).renderGuidePage(env('PUBLIC_BASE_URL')!)));

  const getHttpReference = operation({
    ...common,
    name: 'docs.httpReference',
    summary: 'Interactive reference of the HTTP and JSON-RPC operations (Swagger UI): search, schemas, bearer auth, try-it',
    bindings: { http: [{ method: 'GET', path: '/docs/http' }] },
    produces: 'text/html',
  }).handle(async () => html((await import('../../../shared/docs/pages.js')).renderHttpReferencePage()));

  const getWebsocketReference = operation({
    ...common,
    name: 'docs.websocketReference',
    summary: 'Reference of the WebSocket methods, events and channels (AsyncAPI React component)',
    bindings: { http: [{ method: 'GET', path: '/docs/websocket' }] },
    produces: 'text/html',
  }).handle(async () => html((await import('../../../shared/docs/pages.js')).renderWebsocketReferencePage()));

  const getDocsAsset = operation({
    ...common,
    name: 'docs.asset',
    summary: 'Scripts and styles of the /docs pages, served from npm packages (no CDN)',
    bindings: { http: [{ method: 'GET', path: '/docs/assets/{asset}' }] },
    produces: 'text/javascript, text/css',
    request: {
      type: 'object',
      additionalProperties: false,
      required: ['asset'],
      properties: {
        asset: { enum: docsAssetNames },
      },
    },
  }).handle(async (_ctx, input) => {
    return results.binary(await readDocsAsset(input.asset), docsAssets[input.asset].contentType, {
      'cache-control': 'public, max-age=3600',
    });
  });

  return [getOpenApi, getAsyncApi, getDocsPage, getHttpReference, getWebsocketReference, getDocsAsset];
}
