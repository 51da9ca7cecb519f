import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { docsStyles, httpReferenceScript, websocketReferenceScript } from './page-scripts.js';

const require = createRequire(import.meta.url);

interface Asset {
  contentType: string;
  /** a file of an npm package (a production dependency), read at run time and never copied into the repository */
  module?: string;
  /** or text of our own */
  text?: string;
}

/** What the /docs pages load, all from this origin: nothing is fetched from a CDN. */
export const docsAssets: Record<string, Asset> = {
  'swagger-ui-bundle.js': { contentType: 'text/javascript; charset=utf-8', module: 'swagger-ui-dist/swagger-ui-bundle.js' },
  'swagger-ui.css': { contentType: 'text/css; charset=utf-8', module: 'swagger-ui-dist/swagger-ui.css' },
  'asyncapi-standalone.js': {
    contentType: 'text/javascript; charset=utf-8',
    module: '@asyncapi/react-component/browser/standalone/index.js',
  },
  'asyncapi.css': { contentType: 'text/css; charset=utf-8', module: '@asyncapi/react-component/styles/default.min.css' },
  'http-reference.js': { contentType: 'text/javascript; charset=utf-8', text: httpReferenceScript },
  'websocket-reference.js': { contentType: 'text/javascript; charset=utf-8', text: websocketReferenceScript },
  'docs.css': { contentType: 'text/css; charset=utf-8', text: docsStyles },
};

export const docsAssetNames = Object.keys(docsAssets);

const cache = new Map<string, Promise<Buffer>>();

/** The bytes of one asset, read once per instance. */
export function readDocsAsset(name: string): Promise<Buffer> {
  const asset = docsAssets[name];
  let bytes = cache.get(name);
  if (!bytes) {
    bytes = asset.module ? readFile(require.resolve(asset.module)) : Promise.resolve(Buffer.from(asset.text ?? ''));
    cache.set(name, bytes);
    bytes.catch(() => cache.delete(name));
  }
  return bytes;
}
