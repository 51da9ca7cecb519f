import { searchPixabay } from '../../../shared/integrations/pixabay.js';
import { operation } from '../../../shared/registry/define.js';
import { pixabaySearchAnswer, pixabaySearchRequest } from '../schemas/pixabay.js';

export const pixabaySearch = operation({
  name: 'pixabay:search',
  summary: 'Search pixabay',
  description: "Pixabay image search, answered in Pixabay's own shape. 503 when Pixabay cannot be reached or refuses the configured key.",
  permission: 'authenticated user',
  request: pixabaySearchRequest,
  response: pixabaySearchAnswer,
}).handle((_ctx, input) => searchPixabay(input.q));
