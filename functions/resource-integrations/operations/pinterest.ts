import { notFound } from '../../../shared/errors/api-error.js';
import { getPin, searchPins } from '../../../shared/integrations/pinterest.js';
import { defineOperation } from '../../../shared/registry/types.js';
import { toClientResource } from '../../../shared/resources/model.js';
import { insertResources } from '../resources/create.js';
import { pinterestDraft } from '../resources/partner-drafts.js';
import { resolvePlacement, type Placement } from '../resources/placement.js';
import { resourceAnswer } from '../schemas/common.js';
import { pinterestCreateRequest, pinterestInfoAnswer, pinterestInfoRequest, pinterestSearchAnswer, pinterestSearchRequest } from '../schemas/pinterest.js';
import { family } from './shared.js';

export const pinterestSearch = defineOperation<{ keywords: string[] }, unknown>({
  name: 'pinterest:search',
  family,
  summary: 'Search pinterest',
  description: 'Pins for the keywords (Pinterest API v5 pin search), with the 736x/474x/236x/orig image set. 503 when Pinterest cannot be reached or refuses the configured token.',
  bindings: { websocket: 'pinterest:search' },
  auth: 'required',
  permission: 'authenticated user',
  request: pinterestSearchRequest,
  response: pinterestSearchAnswer,
  handler: async (_ctx, input) => ({ results: await searchPins(input.keywords) }),
});

export const pinterestInfo = defineOperation<{ id: string }, unknown>({
  name: 'pinterest:info',
  family,
  summary: 'Info pinterest',
  description: 'One pin by id; 404 when Pinterest does not know it.',
  bindings: { websocket: 'pinterest:info' },
  auth: 'required',
  permission: 'authenticated user',
  request: pinterestInfoRequest,
  response: pinterestInfoAnswer,
  handler: async (_ctx, input) => {
    const pin = await getPin(input.id);
    if (!pin) throw notFound('pin');
    return { result: pin };
  },
});

export const createPinterest = defineOperation<Placement & { pin: string }, unknown>({
  name: 'resource:createPinterest',
  family,
  summary: 'Create pinterest resource',
  description:
    'A resource for the pin, with `data.pinterest { pin, url }`; the pin image stays at Pinterest (`data.thumbnailUrl`) and is served resized by /api/v0/resource/thumbnail/pinterest/{pin}. 404 for an unknown pin.',
  bindings: { websocket: 'resource:createPinterest' },
  auth: 'required',
  permission: 'authenticated user; writes to the chosen belonging',
  request: pinterestCreateRequest,
  response: resourceAnswer,
  handler: async (ctx, input) => {
    const placement = await resolvePlacement(ctx.principal, input);
    const pin = await getPin(input.pin);
    if (!pin) throw notFound('pin');
    const [doc] = await insertResources(ctx.events, ctx.principal, placement, [pinterestDraft(pin)]);
    return { resource: toClientResource(doc) };
  },
});
