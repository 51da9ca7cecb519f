import type { OperationContext } from '../../shared/registry/types.js';
import { encryptionOf, locateContent } from '../../shared/content/locate.js';
import { signedReadUrl } from '../../shared/content/signed-url.js';
import { contentOperation } from './define.js';
import { directUrl, getResourceUrlRequest, getUrlRequest, networkUrlRequest, resourceUrl, urlRequest } from './schemas.js';

const readPermission = 'read access to the resource (a link: to the link)';

async function directUrlOf(ctx: OperationContext, id: string, networkId?: string) {
  const { object } = await locateContent(ctx.principal, id, networkId);
  return signedReadUrl(object);
}

async function resourceUrlOf(ctx: OperationContext, id: string) {
  const { object, source } = await locateContent(ctx.principal, id);
  const { url } = await signedReadUrl(object);
  const encryption = Object.entries(encryptionOf(source)).filter(([, value]) => value !== undefined);
  return { url, ...Object.fromEntries(encryption) };
}

const urlDescription =
  'Answers `{ url, expiresAt }`: a signed Cloud Storage GET URL of the bytes (a link: its original\'s), valid ' +
  'SIGNED_URL_TTL_SECONDS, and its expiry in ms since the epoch. 409 when the resource holds no bytes; 404 when the caller may not read it.';

export const getDirectUrl = contentOperation<{ id: string }, unknown>({
  name: 'resource.getDirectUrl',
  summary: 'Get direct resource url',
  description: urlDescription,
  bindings: { http: [{ method: 'GET', path: '/api/v0/resource/url/{id}' }] },
  permission: readPermission,
  request: urlRequest,
  response: directUrl,
  handler: (ctx, input) => directUrlOf(ctx, input.id),
});

export const getDirectUrlFromNetwork = contentOperation<{ id: string; networkId: string }, unknown>({
  name: 'resource.getDirectUrlFromNetwork',
  summary: 'Get direct resource url (from certain network)',
  description: `${urlDescription} The resource must be in that network or in the default network.`,
  bindings: { http: [{ method: 'GET', path: '/api/v0/resource/network/{networkId}/url/{id}' }] },
  permission: readPermission,
  request: networkUrlRequest,
  response: directUrl,
  handler: (ctx, input) => directUrlOf(ctx, input.id, input.networkId),
});

export const getResourceUrl = contentOperation<{ resourceId: string }, unknown>({
  name: 'resource:getResourceUrl',
  summary: 'Get resource url: a signed URL of the bytes and their encryption parameters',
  bindings: { websocket: 'resource:getResourceUrl' },
  permission: readPermission,
  request: getResourceUrlRequest,
  response: resourceUrl,
  handler: (ctx, input) => resourceUrlOf(ctx, input.resourceId),
});

export const getUrl = contentOperation<{ resource: string }, unknown>({
  name: 'resource:getUrl',
  summary: 'Get url (deprecated alias of resource:getResourceUrl)',
  deprecated: true,
  replacedBy: 'resource:getResourceUrl',
  bindings: { websocket: 'resource:getUrl' },
  permission: readPermission,
  request: getUrlRequest,
  response: resourceUrl,
  handler: (ctx, input) => resourceUrlOf(ctx, input.resource),
});
