import { env } from '../../shared/config.js';
import { docsAssetNames, docsAssets, readDocsAsset } from '../../shared/docs/assets.js';
import { defineOperation, results } from '../../shared/registry/types.js';
import { anyObject, emptyObject } from './schemas.js';

/** Imported lazily: the catalog includes this family, so a static import would be circular. */
const catalog = () => import('../../shared/registry/catalog.js');

const common = { family: 'system', extension: true, auth: 'none', permission: 'none', restStyle: 'resource', request: emptyObject, response: anyObject } as const;
const html = (text: string) => results.binary(Buffer.from(text), 'text/html; charset=utf-8', { 'cache-control': 'no-cache' });

export const getOpenApi = defineOperation({
  ...common,
  name: 'docs.openapi',
  summary: 'OpenAPI 3.1 document of every HTTP and JSON-RPC binding, generated from the registry',
  bindings: { http: [{ method: 'GET', path: '/openapi.json' }] },
  handler: async () => {
    const [{ families }, { buildOpenApi }] = await Promise.all([catalog(), import('../../shared/docs/openapi.js')]);
    return buildOpenApi(families, env('PUBLIC_BASE_URL')!);
  },
});

export const getAsyncApi = defineOperation({
  ...common,
  name: 'docs.asyncapi',
  summary: 'AsyncAPI 3 document of the WebSocket methods, channels and events, generated from the registry',
  bindings: { http: [{ method: 'GET', path: '/asyncapi.json' }] },
  handler: async () => {
    const [{ families }, { buildAsyncApi }] = await Promise.all([catalog(), import('../../shared/docs/asyncapi.js')]);
    return buildAsyncApi(families, env('PUBLIC_BASE_URL')!.replace(/^http/, 'ws'));
  },
});

export const getDocsPage = defineOperation({
  ...common,
  name: 'docs.page',
  summary: 'Getting started: a token, first calls, an upload, waiting until it is ready, a socket; links to both references',
  bindings: { http: [{ method: 'GET', path: '/docs' }] },
  produces: 'text/html',
  handler: async () => html((await import('../../shared/docs/pages.js')).renderGuidePage(env('PUBLIC_BASE_URL')!)),
});

export const getHttpReference = defineOperation({
  ...common,
  name: 'docs.httpReference',
  summary: 'Interactive reference of the HTTP and JSON-RPC operations (Swagger UI): search, schemas, bearer auth, try-it',
  bindings: { http: [{ method: 'GET', path: '/docs/http' }] },
  produces: 'text/html',
  handler: async () => html((await import('../../shared/docs/pages.js')).renderHttpReferencePage()),
});

export const getWebsocketReference = defineOperation({
  ...common,
  name: 'docs.websocketReference',
  summary: 'Reference of the WebSocket methods, events and channels (AsyncAPI React component)',
  bindings: { http: [{ method: 'GET', path: '/docs/websocket' }] },
  produces: 'text/html',
  handler: async () => html((await import('../../shared/docs/pages.js')).renderWebsocketReferencePage()),
});

export const getDocsAsset = defineOperation({
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
  handler: async (_ctx, input: { asset: string }) => {
    return results.binary(await readDocsAsset(input.asset), docsAssets[input.asset].contentType, { 'cache-control': 'public, max-age=3600' });
  },
});
