import type { OperationContext } from '../../../shared/registry/types.js';
import { operation } from '../../../shared/registry/define.js';
import { locateContent } from '../../../shared/content/locate.js';
import { signedReadUrl } from '../../../shared/content/signed-url.js';
import { directUrl, getResourceUrlRequest, getUrlRequest, networkUrlRequest, resourceUrl, urlRequest } from '../schemas/url.js';
import { resourceUrlView } from '../views.js';

const readPermission = 'read access to the resource (a link: to the link)';

async function directUrlOf(ctx: OperationContext, id: string, networkId?: string) {
  const { object } = await locateContent(ctx.principal, id, networkId);
  return signedReadUrl(object);
}

async function resourceUrlOf(ctx: OperationContext, id: string) {
  const { object, source } = await locateContent(ctx.principal, id);
  const { url } = await signedReadUrl(object);
  return resourceUrlView(url, source);
}

const urlDescription =
  "Answers `{ url, expiresAt }`: a signed Cloud Storage GET URL of the bytes (a link: its original's), valid " +
  'SIGNED_URL_TTL_SECONDS, and its expiry in ms since the epoch. 409 when the resource holds no bytes; 404 when the caller may not read it.';

export const getDirectUrl = operation({
  name: 'resource.getDirectUrl',
  summary: 'Get direct resource url',
  description: urlDescription,
  bindings: { http: [{ method: 'GET', path: '/api/v0/resource/url/{id}' }] },
  permission: readPermission,
  request: urlRequest,
  response: directUrl,
}).handle((ctx, input) => directUrlOf(ctx, input.id));

export const getDirectUrlFromNetwork = operation({
  name: 'resource.getDirectUrlFromNetwork',
  summary: 'Get direct resource url (from certain network)',
  description: `${urlDescription} The resource must be in that network or in the default network.`,
  bindings: { http: [{ method: 'GET', path: '/api/v0/resource/network/{networkId}/url/{id}' }] },
  permission: readPermission,
  request: networkUrlRequest,
  response: directUrl,
}).handle((ctx, input) => directUrlOf(ctx, input.id, input.networkId));

export const getResourceUrl = operation({
  name: 'resource:getResourceUrl',
  summary: 'Get resource url: a signed URL of the bytes and their encryption parameters',
  permission: readPermission,
  request: getResourceUrlRequest,
  response: resourceUrl,
}).handle((ctx, input) => resourceUrlOf(ctx, input.resourceId));

export const getUrl = operation({
  name: 'resource:getUrl',
  summary: 'Get url (deprecated alias of resource:getResourceUrl)',
  deprecated: true,
  replacedBy: 'resource:getResourceUrl',
  permission: readPermission,
  request: getUrlRequest,
  response: resourceUrl,
}).handle((ctx, input) => resourceUrlOf(ctx, input.resource));
