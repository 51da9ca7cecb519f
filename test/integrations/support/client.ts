import { expect } from 'vitest';
import { allOperations } from '../../../functions/catalog.js';
import { responseProblems } from '../../../shared/validation/validator.js';
import { ApiClient } from '../../helpers/client.js';

export interface OpsAnswer<T> {
  status: number;
  data: T;
  error: { status: boolean; code: number; message: string };
}

/** A client whose WebSocket-method calls check every successful answer against the operation's response schema. */
export class IntegrationsClient extends ApiClient {
  override as(token: string | undefined): IntegrationsClient {
    return new IntegrationsClient(this.baseUrl, token);
  }

  async call<T = Record<string, unknown>>(endpoint: string, data: unknown = {}): Promise<OpsAnswer<T>> {
    const answer = await this.ops<T>(endpoint, data);
    const { data: body, error } = answer.body;
    if (answer.status === 200) {
      const op = allOperations().find((o) => o.bindings.websocket === endpoint);
      expect(op, `operation ${endpoint}`).toBeDefined();
      expect(responseProblems(op!.response, body), `${endpoint} answer`).toEqual([]);
      expect(error.status).toBe(false);
    } else {
      expect(error).toMatchObject({ status: true, code: answer.status });
    }
    return { status: answer.status, data: body, error };
  }
}

/** A Resource as answered to clients (seed 000 model), for reading answers in tests. */
export interface ClientResource {
  id: string;
  created: number;
  belonging: string;
  status: string;
  title?: string;
  thumbnail?: string;
  metadata?: Record<string, unknown>;
  data?: Record<string, unknown>;
  [field: string]: unknown;
}
