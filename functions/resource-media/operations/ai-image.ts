import { env } from '../../../shared/config.js';
import { unavailable } from '../../../shared/errors/api-error.js';
import { operation } from '../../../shared/registry/define.js';
import { toClientResource } from '../../../shared/resources/model.js';
import { resourceEnvelope } from '../../resources/schemas/resource.js';
import { aiImagePlacement } from '../rules/placement.js';
import { generateAIImageRequest } from '../schemas/imports.js';
import { queueJobFor } from '../store/job-queue.js';
import { insertResource } from '../store/new-resource.js';

const DEFAULT_MODEL = 'dall-e-3';

export const generateAIImage = operation({
  name: 'resource:generateAIImage',
  summary: 'Generate aI image',
  description:
    'Creates the image resource at once (status pending, belonging userAIGeneration:{userId} unless another placement is given); a job asks ' +
    'the OpenAI-compatible images API (model generationModel, default dall-e-3), stores the image, fills data.aiGeneration and makes thumbnails. ' +
    '503 while OPENAI_API_KEY is unset.',
  permission: 'authenticated user; writes to the chosen belonging',
  request: generateAIImageRequest,
  response: resourceEnvelope,
}).handle(async (ctx, input) => {
  if (!env('OPENAI_API_KEY')) throw unavailable('AI image generation is not configured');
  const model = input.generationModel ?? DEFAULT_MODEL;
  const doc = await insertResource(ctx, aiImagePlacement(ctx.principal.userId, input), {
    status: 'pending',
    data: { aiGeneration: { generationModel: model, prompt: input.prompt } },
  });
  await queueJobFor(doc.id, 'AI_IMAGE_TOPIC', { resourceId: doc.id, prompt: input.prompt, model });
  return { resource: toClientResource(doc) };
});
