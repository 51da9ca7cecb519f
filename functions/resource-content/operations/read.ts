import type { OperationContext } from '../../../shared/registry/types.js';
import { results } from '../../../shared/registry/types.js';
import { operation } from '../../../shared/registry/define.js';
import { contentDisposition } from '../../../shared/http-headers/content-disposition.js';
import { fileNameOf, locateContent } from '../../../shared/content/locate.js';
import { serveBytes } from '../../../shared/content/serve-bytes.js';
import { signedReadUrl } from '../../../shared/content/signed-url.js';
import { noBody } from '../schemas/common.js';
import { DISPOSITION_PARAM, networkReadRequest, proxyRequest, readRequest } from '../schemas/read.js';

const readPermission = 'read access to the resource (a link: to the link)';
const noContent =
  'A visible resource without bytes answers 409 (not uploaded yet, or holding none); one the caller may not read answers 404.';

async function redirectToBytes(ctx: OperationContext, input: { id: string; networkId?: string; [DISPOSITION_PARAM]?: string }) {
  const { object, source } = await locateContent(ctx.principal, input.id, input.networkId);
  const disposition = input[DISPOSITION_PARAM] ?? contentDisposition('inline', fileNameOf(source));
  const { url } = await signedReadUrl(object, disposition);
  return results.redirect(url, 302);
}

const redirectDescription =
  `302 to a signed Cloud Storage URL of the bytes, valid SIGNED_URL_TTL_SECONDS. \`${DISPOSITION_PARAM}\` becomes the ` +
  "Content-Disposition of the bucket's answer (default: inline with the uploaded file name). A link resource redirects to " +
  `its original's bytes. ${noContent}`;

export const readResource = operation({
  name: 'resource.read',
  summary: 'Read resource: redirects to the direct resource location',
  description: redirectDescription,
  bindings: { http: [{ method: 'GET', path: '/api/v0/resource/{id}' }] },
  permission: readPermission,
  successStatus: 302,
  produces: '*/*',
  request: readRequest,
  response: noBody,
}).handle(redirectToBytes);

export const readResourceFromNetwork = operation({
  name: 'resource.readFromNetwork',
  summary: 'Read resource (from certain network): redirects to the direct resource location',
  description: `${redirectDescription} The resource must be in that network or in the default network.`,
  bindings: { http: [{ method: 'GET', path: '/api/v0/resource/network/{networkId}/{id}' }] },
  permission: readPermission,
  successStatus: 302,
  produces: '*/*',
  request: networkReadRequest,
  response: noBody,
}).handle(redirectToBytes);

export const proxyResource = operation({
  name: 'resource.proxy',
  summary: 'Proxy resource: serves the bytes without redirection',
  description:
    'Streams the bytes with `Accept-Ranges: bytes`: one byte range -> 206 with `Content-Range`; an unsatisfiable range -> 416 ' +
    '(`Content-Range: bytes */size`); malformed or multiple ranges -> the whole content. `ETag` names the stored version: ' +
    `\`If-None-Match\` -> 304, \`If-Range\` honoured. A link resource serves its original's bytes. ${noContent}`,
  bindings: { http: [{ method: 'GET', path: '/api/v0/resource/proxy/{id}' }] },
  permission: readPermission,
  rest: { body: 'none', headers: { range: 'range', 'if-none-match': 'ifNoneMatch', 'if-range': 'ifRange' } },
  produces: '*/*',
  responseHeaders: ['Content-Disposition', 'Content-Length'],
  request: proxyRequest,
  response: noBody,
}).handle(async (ctx, input) => serveBytes(await locateContent(ctx.principal, input.id), input));
