import { notFound } from '../../../shared/errors/api-error.js';
import { getPin, searchPins } from '../../../shared/integrations/pinterest.js';
import { operation } from '../../../shared/registry/define.js';
import { toClientResource } from '../../../shared/resources/model.js';
import { insertPartnerResources } from '../store/partner-resources.js';
import { pinterestDraft } from '../rules/partner-drafts.js';
import { resolvePlacement } from '../../../shared/resources/placement.js';
import { resourceAnswer } from '../schemas/common.js';
import {
  pinterestCreateRequest,
  pinterestInfoAnswer,
  pinterestInfoRequest,
  pinterestSearchAnswer,
  pinterestSearchRequest,
} from '../schemas/pinterest.js';

export const pinterestSearch = operation({
  name: 'pinterest:search',
  summary: 'Search pinterest',
  description:
    'Pins for the keywords (Pinterest API v5 pin search), with the 736x/474x/236x/orig image set. 503 when Pinterest cannot be reached or refuses the configured token.',
  permission: 'authenticated user',
  request: pinterestSearchRequest,
  response: pinterestSearchAnswer,
}).handle(async (_ctx, input) => ({ results: await searchPins(input.keywords) }));

export const pinterestInfo = operation({
  name: 'pinterest:info',
  summary: 'Info pinterest',
  description: 'One pin by id; 404 when Pinterest does not know it.',
  permission: 'authenticated user',
  request: pinterestInfoRequest,
  response: pinterestInfoAnswer,
}).handle(async (_ctx, input) => {
  const pin = await getPin(input.id);
  if (!pin) throw notFound('pin');
  return { result: pin };
});

export const createPinterest = operation({
  name: 'resource:createPinterest',
  summary: 'Create pinterest resource',
  description:
    'A resource for the pin, with `data.pinterest { pin, url }`; the pin image stays at Pinterest (`data.thumbnailUrl`) and is served resized by /api/v0/resource/thumbnail/pinterest/{pin}. 404 for an unknown pin.',
  permission: 'authenticated user; writes to the chosen belonging',
  request: pinterestCreateRequest,
  response: resourceAnswer,
}).handle(async (ctx, input) => {
  const placement = await resolvePlacement(ctx.principal, input);
  const pin = await getPin(input.pin);
  if (!pin) throw notFound('pin');
  const [doc] = await insertPartnerResources(ctx.events, ctx.principal, placement, [pinterestDraft(pin)]);
  return { resource: toClientResource(doc) };
});
