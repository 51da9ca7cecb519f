export { idSchema } from '../../../shared/resources/schema.js';

export const networkIdSchema = { type: 'string', pattern: '^[A-Za-z0-9_-]{1,128}$' } as const;

/** Response schema of operations answering bytes, a redirect or nothing (the description says which). */
export const noBody = { type: 'object', description: 'no JSON body: see the operation description' } as const;
