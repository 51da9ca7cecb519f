import FindMyWay from 'find-my-way';
import { expect } from 'vitest';
import { toRouterPath } from '../../../shared/transport/family-handler.js';
import type { AnyOperation } from '../../../shared/registry/types.js';
import { responseProblems } from '../../../shared/validation/validator.js';
import { ApiClient, type Answer } from '../../helpers/client.js';
import { chatsFamilies } from './operations.js';

const router = FindMyWay({ ignoreTrailingSlash: true });
for (const op of chatsFamilies.flatMap((f) => f.operations)) {
  for (const binding of op.bindings.http ?? []) router.on(binding.method, toRouterPath(binding.path), () => op);
}

function operationAt(method: string, path: string): AnyOperation | undefined {
  const match = router.find(method as FindMyWay.HTTPMethod, path.split('?')[0]);
  return match ? (match.handler as unknown as () => AnyOperation)() : undefined;
}

/**
 * A client that checks every 2xx JSON answer of a Chats operation against the project's response
 * schema of that operation, so no success body in the tests goes unvalidated.
 */
export class ValidatingClient extends ApiClient {
  override as(token: string | undefined): ValidatingClient {
    return new ValidatingClient(this.baseUrl, token);
  }

  override async request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer<T>> {
    const answer = await super.request<T>(method, path, body, headers);
    if (answer.status >= 200 && answer.status < 300 && !Buffer.isBuffer(answer.body)) {
      const op = operationAt(method, path);
      if (op) expect(responseProblems(op.response, answer.body), `${op.name} response body`).toEqual([]);
    }
    return answer;
  }
}
