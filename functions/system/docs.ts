import { env } from '../../shared/config.js';
import { defineOperation, results } from '../../shared/registry/types.js';
import { anyObject, emptyObject } from './schemas.js';

/** Imported lazily: the catalog includes this family, so a static import would be circular. */
const catalog = () => import('../../shared/registry/catalog.js');

const common = { family: 'system', auth: 'none', permission: 'none', restStyle: 'resource', request: emptyObject, response: anyObject } as const;

export const getOpenApi = defineOperation({
  ...common,
  name: 'docs.openapi',
  extension: true,
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
  extension: true,
  summary: 'AsyncAPI 3 document of the WebSocket methods and events, generated from the registry',
  bindings: { http: [{ method: 'GET', path: '/asyncapi.json' }] },
  handler: async () => {
    const [{ families }, { buildAsyncApi }] = await Promise.all([catalog(), import('../../shared/docs/asyncapi.js')]);
    return buildAsyncApi(families, env('PUBLIC_BASE_URL')!.replace(/^http/, 'ws'));
  },
});

export const getDocsPage = defineOperation({
  ...common,
  name: 'docs.page',
  extension: true,
  summary: 'A self-contained HTML page listing every operation and event, with links to the machine-readable documents',
  bindings: { http: [{ method: 'GET', path: '/docs' }] },
  produces: 'text/html',
  handler: async () => {
    const { families } = await catalog();
    const { renderDocsPage } = await import('../../shared/docs/page.js');
    return results.binary(Buffer.from(renderDocsPage(families)), 'text/html; charset=utf-8');
  },
});
