import { unprocessable } from '../../../shared/errors/api-error.js';
import { isFound, omdbTitle, searchOmdb } from '../../../shared/integrations/omdb.js';
import { operation } from '../../../shared/registry/define.js';
import { toClientResource } from '../../../shared/resources/model.js';
import { insertPartnerResources } from '../store/partner-resources.js';
import { imdbDraft } from '../rules/partner-drafts.js';
import { resolvePlacement } from '../../../shared/resources/placement.js';
import { resourcesAnswer } from '../schemas/common.js';
import { imdbCreateMultiRequest, imdbInfoAnswer, imdbInfoRequest, imdbSearchAnswer, imdbSearchRequest } from '../schemas/imdb.js';
import { mapLimited } from '../rules/map-limited.js';

const inBand =
  'OMDb answers "not found" in-band: `Response` is "False" and `Error` says why. 503 when OMDb cannot be reached or refuses the configured key.';

export const imdbSearch = operation({
  name: 'imdb:search',
  summary: 'Search imdb',
  description: `Searches OMDb titles (\`s\`, optionally \`y\`, \`type\`, \`plot\`, \`page\`). ${inBand}`,
  permission: 'authenticated user',
  request: imdbSearchRequest,
  response: imdbSearchAnswer,
}).handle((_ctx, input) => searchOmdb(input));

export const imdbInfo = operation({
  name: 'imdb:info',
  summary: 'Info imdb',
  description: `One OMDb title by IMDb id (\`i\`) or title (\`t\`). \`Trailers\` is always present (OMDb has none, so it is empty). ${inBand}`,
  permission: 'authenticated user',
  request: imdbInfoRequest,
  response: imdbInfoAnswer,
}).handle((_ctx, input) => omdbTitle(input));

export const createImdbMulti = operation({
  name: 'resource:createImdbMulti',
  summary: 'Create imdb resources',
  description:
    'One resource per IMDb id, with `data.imdb` from OMDb and the poster as thumbnail (served by /api/v0/resource/thumbnail/imdb/{id}). All or none: an id OMDb does not know answers 422 and creates nothing.',
  permission: 'authenticated user; writes to the chosen belonging',
  request: imdbCreateMultiRequest,
  response: resourcesAnswer,
}).handle(async (ctx, input) => {
  const placement = await resolvePlacement(ctx.principal, input);
  const titles = await mapLimited(input.id, 5, async (id) => {
    const title = await omdbTitle({ i: id });
    if (!isFound(title) || !title.imdbID) throw unprocessable(`IMDb title ${id} not found${title.Error ? ` (${title.Error})` : ''}`);
    return { ...title, imdbID: title.imdbID };
  });
  const docs = await insertPartnerResources(ctx.events, ctx.principal, placement, titles.map(imdbDraft));
  return { resources: docs.map(toClientResource) };
});
