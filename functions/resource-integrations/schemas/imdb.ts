import { OMDB_TITLE_FIELDS } from '../../../shared/integrations/omdb.js';
import { placementProperties, request, str } from './common.js';

export const IMDB_ID = '^tt[0-9]{5,12}$';
const imdbId = { type: 'string', pattern: IMDB_ID } as const;
const type = { enum: ['movie', 'series', 'episode', 'game'] } as const;
const plot = { enum: ['short', 'full'] } as const;
const year = { type: 'string', pattern: '^[0-9]{4}$' } as const;

export const imdbSearchRequest = request(
  { s: { type: 'string', minLength: 1, maxLength: 200 }, y: year, type, plot, page: { type: 'integer', minimum: 1, maximum: 100 } },
  ['s'],
);

export const imdbInfoRequest = {
  ...request({ i: imdbId, t: { type: 'string', minLength: 1, maxLength: 200 }, y: year, type, plot }),
  anyOf: [{ required: ['i'] }, { required: ['t'] }],
} as const;

export const imdbCreateMultiRequest = request(
  { id: { type: 'array', minItems: 1, maxItems: 50, uniqueItems: true, items: imdbId }, ...placementProperties },
  ['id'],
);

const inBand = { Response: { enum: ['True', 'False'] }, Error: str } as const;

export const imdbSearchAnswer = {
  type: 'object',
  additionalProperties: false,
  required: ['Response'],
  properties: {
    Search: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        properties: { Title: str, Year: str, imdbID: str, Type: str, Poster: str, Plot: str },
      },
    },
    totalResults: str,
    ...inBand,
  },
} as const;

export const imdbInfoAnswer = {
  type: 'object',
  additionalProperties: false,
  required: ['Response', 'Trailers'],
  properties: {
    ...(Object.fromEntries(OMDB_TITLE_FIELDS.map((field) => [field, str])) as { [F in (typeof OMDB_TITLE_FIELDS)[number]]: typeof str }),
    Ratings: { type: 'array', items: { type: 'object', additionalProperties: false, properties: { Source: str, Value: str } } },
    Trailers: { type: 'array', items: str },
    ...inBand,
  },
} as const;
