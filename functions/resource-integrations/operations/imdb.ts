import { unprocessable } from '../../../shared/errors/api-error.js';
import { isFound, omdbTitle, searchOmdb, type OmdbSearchParams, type OmdbTitleParams } from '../../../shared/integrations/omdb.js';
import { defineOperation } from '../../../shared/registry/types.js';
import { toClientResource } from '../../../shared/resources/model.js';
import { insertResources } from '../resources/create.js';
import { imdbDraft } from '../resources/partner-drafts.js';
import { resolvePlacement, type Placement } from '../resources/placement.js';
import { resourcesAnswer } from '../schemas/common.js';
import { imdbCreateMultiRequest, imdbInfoAnswer, imdbInfoRequest, imdbSearchAnswer, imdbSearchRequest } from '../schemas/imdb.js';
import { family, mapLimited } from './shared.js';

const inBand = 'OMDb answers "not found" in-band: `Response` is "False" and `Error` says why. 503 when OMDb cannot be reached or refuses the configured key.';

export const imdbSearch = defineOperation<OmdbSearchParams, unknown>({
  name: 'imdb:search',
  family,
  summary: 'Search imdb',
  description: `Searches OMDb titles (\`s\`, optionally \`y\`, \`type\`, \`plot\`, \`page\`). ${inBand}`,
  bindings: { websocket: 'imdb:search' },
  auth: 'required',
  permission: 'authenticated user',
  request: imdbSearchRequest,
  response: imdbSearchAnswer,
  handler: (_ctx, input) => searchOmdb(input),
});

export const imdbInfo = defineOperation<OmdbTitleParams, unknown>({
  name: 'imdb:info',
  family,
  summary: 'Info imdb',
  description: `One OMDb title by IMDb id (\`i\`) or title (\`t\`). \`Trailers\` is always present (OMDb has none, so it is empty). ${inBand}`,
  bindings: { websocket: 'imdb:info' },
  auth: 'required',
  permission: 'authenticated user',
  request: imdbInfoRequest,
  response: imdbInfoAnswer,
  handler: (_ctx, input) => omdbTitle(input),
});

export const createImdbMulti = defineOperation<Placement & { id: string[] }, unknown>({
  name: 'resource:createImdbMulti',
  family,
  summary: 'Create imdb resources',
  description:
    'One resource per IMDb id, with `data.imdb` from OMDb and the poster as thumbnail (served by /api/v0/resource/thumbnail/imdb/{id}). All or none: an id OMDb does not know answers 422 and creates nothing.',
  bindings: { websocket: 'resource:createImdbMulti' },
  auth: 'required',
  permission: 'authenticated user; writes to the chosen belonging',
  request: imdbCreateMultiRequest,
  response: resourcesAnswer,
  handler: async (ctx, input) => {
    const placement = await resolvePlacement(ctx.principal, input);
    const titles = await mapLimited(input.id, 5, async (id) => {
      const title = await omdbTitle({ i: id });
      if (!isFound(title) || !title.imdbID) throw unprocessable(`IMDb title ${id} not found${title.Error ? ` (${title.Error})` : ''}`);
      return { ...title, imdbID: title.imdbID };
    });
    const docs = await insertResources(ctx.events, ctx.principal, placement, titles.map(imdbDraft));
    return { resources: docs.map(toClientResource) };
  },
});
