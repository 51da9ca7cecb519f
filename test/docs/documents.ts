import { families } from '../../functions/catalog.js';
import { buildAsyncApi } from '../../shared/docs/asyncapi.js';
import { buildOpenApi } from '../../shared/docs/openapi.js';

/** The documents as the system function serves them (its default PUBLIC_BASE_URL). */
export const openApiDocument = () => buildOpenApi(families, 'http://127.0.0.1:8080');
export const asyncApiDocument = () => buildAsyncApi(families, 'ws://127.0.0.1:8080');
