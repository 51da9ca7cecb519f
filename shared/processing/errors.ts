import { isMediaError, reasonOf } from '../media/errors.js';

/**
 * A job that cannot succeed as it stands (missing or undecodable content, a refused URL, a
 * rejected prompt): the resource is marked `failed` with this message and the job is settled.
 * Any other error is taken as transient and the job is retried.
 */
export class PermanentJobError extends Error {
  override readonly name = 'PermanentJobError';
}

export function isPermanentJobError(error: unknown): boolean {
  return error instanceof PermanentJobError || isMediaError(error);
}

/** The reason recorded on a failed resource: the message of a known failure, or a generic one. */
export function failureReason(error: unknown): string {
  return isPermanentJobError(error) ? reasonOf(error) : `processing error: ${reasonOf(error)}`;
}
