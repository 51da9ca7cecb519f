import { describe, expect, it } from 'vitest';
import { allOperations } from '../../functions/catalog.js';
import { compileSchemas } from '../../shared/validation/validator.js';

/** Functions compile an operation's schemas on its first call, so a broken schema is caught here rather than at a cold start. */
describe('operation schemas', () => {
  it('compile, request and response, for every operation of every family', () => {
    const broken: string[] = [];
    for (const op of allOperations()) {
      try {
        compileSchemas(op.request, op.response);
      } catch (error) {
        broken.push(`${op.name}: ${(error as Error).message}`);
      }
    }
    expect(broken).toEqual([]);
    expect(allOperations().length).toBeGreaterThan(100);
  });
});
