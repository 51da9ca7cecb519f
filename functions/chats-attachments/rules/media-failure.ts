import { ApiError, badRequest, unavailable } from '../../../shared/errors/api-error.js';
import { isMediaError } from '../../../shared/media/index.js';

/**
 * Runs a media step of a preview, turning content that cannot be previewed into a 400 naming
 * why (seed 003 answers previews with 400 or 404 only) and a step that ran out of time into 503.
 */
export async function previewStep<T>(what: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof ApiError || !isMediaError(error)) throw error;
    switch (error.kind) {
      case 'bad-range':
        throw badRequest(error.message);
      case 'timeout':
        throw unavailable(`the ${what} preview took too long to render`);
      default:
        throw badRequest(`the file is not a ${what} that can be previewed: ${error.message}`);
    }
  }
}
