import OpenAI from 'openai';
import { env, envInt, requireEnv } from '../../shared/config.js';
import { OutboundError, createOutboundFetch } from '../../shared/outbound/index.js';
import { PermanentJobError } from '../../shared/processing/errors.js';
import { downloadRemote, isTransientOutbound } from '../../shared/processing/remote-image.js';

export interface GeneratedImage {
  bytes: Buffer;
  revisedPrompt?: string;
}

/** An OpenAI-compatible client at OPENAI_BASE_URL whose requests go through the outbound module. */
function client(): OpenAI {
  const apiKey = env('OPENAI_API_KEY');
  if (!apiKey) throw new PermanentJobError('AI image generation is not configured (OPENAI_API_KEY is unset)');
  const timeoutMs = envInt('OPENAI_TIMEOUT_MS');
  return new OpenAI({
    apiKey,
    baseURL: requireEnv('OPENAI_BASE_URL'),
    timeout: timeoutMs,
    // retries are Pub/Sub's, with backoff and a dead letter
    maxRetries: 0,
    fetch: createOutboundFetch({ purpose: 'openai', timeoutMs, maxBytes: 4 * envInt('REMOTE_IMAGE_MAX_BYTES') }),
  });
}

/** Statuses after which the same request would fail again: a refused prompt, an unknown model, a bad key. */
const finalStatuses = new Set([400, 401, 403, 404, 422]);

/**
 * One image from the images API. DALL-E models are asked for base64 data (their URLs expire);
 * GPT image models always answer base64. A URL answer is downloaded through the outbound module.
 */
export async function generateImage(prompt: string, model: string): Promise<GeneratedImage> {
  let answer: OpenAI.ImagesResponse;
  try {
    answer = await client().images.generate({
      model,
      prompt,
      n: 1,
      size: requireEnv('OPENAI_IMAGE_SIZE') as OpenAI.ImageGenerateParams['size'],
      ...(model.startsWith('dall-e') ? { response_format: 'b64_json' as const } : {}),
    });
  } catch (error) {
    if (error instanceof OpenAI.APIError && error.status !== undefined && finalStatuses.has(error.status)) {
      throw new PermanentJobError(`the image generation API refused the request (${error.status}): ${error.message}`);
    }
    const refused = error instanceof OpenAI.APIConnectionError && error.cause instanceof OutboundError && !isTransientOutbound(error.cause);
    if (refused) throw new PermanentJobError(`the image generation API could not be reached: ${(error.cause as OutboundError).message}`);
    throw error;
  }
  const image = answer.data?.[0];
  if (image?.b64_json) return { bytes: Buffer.from(image.b64_json, 'base64'), revisedPrompt: image.revised_prompt };
  if (image?.url) return { bytes: await downloadRemote(image.url, 'openai-image'), revisedPrompt: image.revised_prompt };
  throw new PermanentJobError('the image generation API answered without an image');
}
