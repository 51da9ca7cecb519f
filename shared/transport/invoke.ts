import { randomUUID } from 'node:crypto';
import { ANONYMOUS } from '../auth/anonymous.js';
import type { Principal } from '../auth/principal.js';
import { extractToken, type HeaderBag } from '../auth/token-source.js';
import { verifyTokenCached } from '../auth/verified-tokens.js';
import { ApiError, unauthorized } from '../errors/api-error.js';
import { faultPoint } from '../events/faults.js';
import type { OutboxEntry } from '../events/message.js';
import { handOff } from '../events/handoff.js';
import { createLogger, type Logger } from '../log.js';
import { fillLiveCounts } from '../resources/live-counts.js';
import { isOperationResult, type AnyOperation, type OperationContext, type OperationResult } from '../registry/types.js';
import { ensureUserProfile } from '../users/profile.js';
import { responseProblems, validateRequest } from '../validation/validator.js';

export interface ChannelChanges {
  join: string[];
  leave: string[];
}

export interface Outcome {
  /** plain data, or a special result for REST */
  value: unknown;
  result?: OperationResult;
  channels: ChannelChanges;
}

export function requestIdFrom(headers: HeaderBag): string {
  const trace = headers['x-cloud-trace-context'];
  const value = Array.isArray(trace) ? trace[0] : trace;
  return value?.split('/')[0] || randomUUID();
}

async function authenticate(op: AnyOperation, headers: HeaderBag): Promise<Principal> {
  if (op.auth === 'none') return ANONYMOUS;
  const token = extractToken(headers);
  if (!token) {
    if (op.auth === 'optional') return ANONYMOUS;
    throw unauthorized('missing token: send Authorization: Bearer <jwt>, X-Session-Id or the ZM_AUTH_TOKEN cookie');
  }
  const principal = await verifyTokenCached(token, { acceptWorkspaceTokens: op.workspaceTokens === true });
  // a workspace token has no user profile
  if (!principal.workspaceId) await ensureUserProfile(principal);
  return principal;
}

const validateResponses = () => process.env.VALIDATE_RESPONSES !== 'false';

/**
 * Runs one operation for any transport: authenticates, validates the input, calls the handler,
 * checks the answer against the response schema, and publishes the events that committed with the
 * handler's writes (outbox entries) whatever happens after the commit: a handler failing later, or
 * an answer failing its schema.
 */
export async function invoke(op: AnyOperation, headers: HeaderBag, input: Record<string, unknown>, requestId: string): Promise<Outcome> {
  const log = createLogger({ requestId, operation: op.name });
  const principal = await authenticate(op, headers);
  const valid = validateRequest<Record<string, unknown>>(op.request, input);
  const committed: OutboxEntry[] = [];
  const channels: ChannelChanges = { join: [], leave: [] };
  const accept = headers.accept;
  const ctx: OperationContext = {
    principal,
    requestId,
    log,
    accept: Array.isArray(accept) ? accept.join(',') : accept,
    events: { committed: (entry) => void committed.push(entry) },
    channels: {
      join: (channel) => channels.join.push(channel),
      leave: (channel) => channels.leave.push(channel),
    },
  };
  let value: unknown;
  try {
    value = await op.handler(ctx, valid);
  } catch (err) {
    publish(committed, log);
    throw err;
  }
  publish(committed, log);
  try {
    await fillLiveCounts(isOperationResult(value) && value.kind === 'json' ? value.data : value);
  } catch (err) {
    log.warn('could not count the counters of the resources answered; answering their stored values', { err });
  }
  if (isOperationResult(value)) return { value: value.kind === 'json' ? value.data : undefined, result: value, channels };
  if (validateResponses()) {
    const problems = responseProblems(op.response, value ?? {});
    if (problems.length > 0) {
      log.error('response does not match its schema', { problems });
      throw new ApiError(500, 'internal error: response does not match its schema');
    }
  }
  return { value, channels };
}

/**
 * The handler's writes and their events have committed: publishing is handed off (the answer does
 * not wait for it), and a failure to publish is logged, not reported to the caller, who would
 * otherwise retry a change that already happened. Entries that cannot be published now are
 * published by the sequencer's outbox sweeper.
 */
function publish(committed: OutboxEntry[], log: Logger): void {
  if (committed.length > 0) faultPoint('after-commit');
  handOff(committed, log);
}
