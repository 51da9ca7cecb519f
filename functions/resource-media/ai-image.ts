import { env } from '../../shared/config.js';
import { unavailable } from '../../shared/errors/api-error.js';
import { defineOperation } from '../../shared/registry/types.js';
import { toClientResource } from '../../shared/resources/model.js';
import type { Placement } from '../../shared/resources/placement.js';
import { placementProperties, resourceEnvelope } from '../resources/schemas/resource.js';
import { queueJobFor } from './job-queue.js';
import { insertResource } from './new-resource.js';

const family = 'resource-media';
const DEFAULT_MODEL = 'dall-e-3';

interface GenerateInput extends Placement {
  prompt: string;
  generationModel?: string;
}

/** The caller's AI generations, unless the request places the resource elsewhere. */
function placementOf(userId: string, input: GenerateInput): Placement {
  const placed = input.belonging ?? input.parent ?? input.roomId ?? input.contributeToRoom ?? input.addToSortingTable;
  return placed === undefined ? { ...input, belonging: `userAIGeneration:${userId}` } : input;
}

export const generateAIImage = defineOperation<GenerateInput, unknown>({
  name: 'resource:generateAIImage',
  family,
  summary: 'Generate aI image',
  description:
    'Creates the image resource at once (status pending, belonging userAIGeneration:{userId} unless another placement is given); a job asks ' +
    'the OpenAI-compatible images API (model generationModel, default dall-e-3), stores the image, fills data.aiGeneration and makes thumbnails. ' +
    '503 while OPENAI_API_KEY is unset.',
  bindings: { websocket: 'resource:generateAIImage' },
  auth: 'required',
  permission: 'authenticated user; writes to the chosen belonging',
  request: {
    type: 'object',
    additionalProperties: false,
    required: ['prompt'],
    properties: {
      prompt: { type: 'string', minLength: 1, maxLength: 4000 },
      generationModel: { type: 'string', pattern: '^[A-Za-z0-9._:-]{1,100}$' },
      ...placementProperties,
    },
  },
  response: resourceEnvelope,
  handler: async (ctx, input) => {
    if (!env('OPENAI_API_KEY')) throw unavailable('AI image generation is not configured');
    const model = input.generationModel ?? DEFAULT_MODEL;
    const doc = await insertResource(ctx, placementOf(ctx.principal.userId, input), {
      status: 'pending',
      data: { aiGeneration: { generationModel: model, prompt: input.prompt } },
    });
    await queueJobFor(doc.id, 'AI_IMAGE_TOPIC', { resourceId: doc.id, prompt: input.prompt, model });
    return { resource: toClientResource(doc) };
  },
});
