import { searchPixabay } from '../../../shared/integrations/pixabay.js';
import { defineOperation } from '../../../shared/registry/types.js';
import { pixabaySearchAnswer, pixabaySearchRequest } from '../schemas/pixabay.js';
import { family } from './shared.js';

export const pixabaySearch = defineOperation<{ q: string }, unknown>({
  name: 'pixabay:search',
  family,
  summary: 'Search pixabay',
  description: "Pixabay image search, answered in Pixabay's own shape. 503 when Pixabay cannot be reached or refuses the configured key.",
  bindings: { websocket: 'pixabay:search' },
  auth: 'required',
  permission: 'authenticated user',
  request: pixabaySearchRequest,
  response: pixabaySearchAnswer,
  handler: (_ctx, input) => searchPixabay(input.q),
});
