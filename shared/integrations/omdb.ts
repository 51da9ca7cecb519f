/**
 * OMDb (IMDb data) client. OMDb answers "not found" in-band (`Response: "False"`, `Error`), and
 * those fields are part of the seed's answer shape, so they are passed on as data.
 */
import { env } from '../config.js';
import { callJsonApi, configured, endpoint, isRecord, rejectedCredentials, stringOf, unexpectedAnswer } from './upstream.js';

const SERVICE = 'OMDb';

export interface OmdbSearchParams {
  s: string;
  y?: string;
  type?: string;
  plot?: string;
  page?: number;
}

export interface OmdbTitleParams {
  i?: string;
  t?: string;
  y?: string;
  type?: string;
  plot?: string;
}

export interface OmdbSearchItem {
  Title?: string;
  Year?: string;
  imdbID?: string;
  Type?: string;
  Poster?: string;
  Plot?: string;
}

export interface OmdbSearchAnswer {
  Search?: OmdbSearchItem[];
  totalResults?: string;
  Response: 'True' | 'False';
  Error?: string;
}

export const OMDB_TITLE_FIELDS = [
  'Actors',
  'Awards',
  'BoxOffice',
  'Country',
  'DVD',
  'Director',
  'Genre',
  'Language',
  'Metascore',
  'Plot',
  'Poster',
  'Production',
  'Rated',
  'Released',
  'Runtime',
  'Title',
  'Type',
  'Website',
  'Writer',
  'Year',
  'imdbID',
  'imdbRating',
  'imdbVotes',
] as const;

export type OmdbTitle = Partial<Record<(typeof OMDB_TITLE_FIELDS)[number], string>> & {
  Ratings?: Array<{ Source?: string; Value?: string }>;
  /** OMDb has no trailers: always present, empty unless the upstream sends some. */
  Trailers: string[];
  Response: 'True' | 'False';
  Error?: string;
};

/** OMDb's in-band verdict: anything but "True" is a miss. */
const responseOf = (body: Record<string, unknown>): 'True' | 'False' => (body.Response === 'True' ? 'True' : 'False');

const SEARCH_ITEM_FIELDS = ['Title', 'Year', 'imdbID', 'Type', 'Poster', 'Plot'] as const;

export async function searchOmdb(params: OmdbSearchParams): Promise<OmdbSearchAnswer> {
  const body = await callOmdb({ s: params.s, y: params.y, type: params.type, plot: params.plot, page: params.page });
  const answer: OmdbSearchAnswer = { Response: responseOf(body) };
  if (Array.isArray(body.Search)) answer.Search = body.Search.filter(isRecord).map((item) => pickStrings(item, SEARCH_ITEM_FIELDS));
  const total = stringOf(body.totalResults);
  if (total !== undefined) answer.totalResults = total;
  const error = stringOf(body.Error);
  if (error !== undefined) answer.Error = error;
  return answer;
}

export async function omdbTitle(params: OmdbTitleParams): Promise<OmdbTitle> {
  const body = await callOmdb({ i: params.i, t: params.t, y: params.y, type: params.type, plot: params.plot });
  const title: OmdbTitle = { ...pickStrings(body, OMDB_TITLE_FIELDS), Trailers: [], Response: responseOf(body) };
  if (Array.isArray(body.Ratings)) {
    title.Ratings = body.Ratings.filter(isRecord).map((r) => pickStrings(r, ['Source', 'Value'] as const));
  }
  if (Array.isArray(body.Trailers)) title.Trailers = body.Trailers.filter((t): t is string => typeof t === 'string');
  const error = stringOf(body.Error);
  if (error !== undefined) title.Error = error;
  return title;
}

/** True when OMDb found the title. */
export const isFound = (answer: { Response: string }): boolean => answer.Response === 'True';

/** OMDb's "no poster" marker is the string `N/A`. */
export function posterUrl(title: OmdbTitle): string | undefined {
  const poster = title.Poster;
  return poster && poster !== 'N/A' && /^https?:\/\//i.test(poster) ? poster : undefined;
}

async function callOmdb(query: Record<string, string | number | undefined>): Promise<Record<string, unknown>> {
  const key = configured(SERVICE, 'OMDB_API_KEY');
  const url = endpoint(env('OMDB_BASE_URL')!, '/', { ...query, apikey: key, r: 'json' });
  const { status, body } = await callJsonApi(SERVICE, url);
  // OMDb answers 401 both for a bad key and for an exhausted daily limit, with the reason in Error.
  if (status === 401 || status === 403) throw rejectedCredentials(SERVICE, status, isRecord(body) ? stringOf(body.Error) : undefined);
  if (!isRecord(body) || (status >= 400 && body.Response !== 'False')) throw unexpectedAnswer(SERVICE, status);
  return body;
}

function pickStrings<K extends string>(source: Record<string, unknown>, fields: readonly K[]): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const field of fields) {
    const value = source[field];
    if (typeof value === 'string') out[field] = value;
  }
  return out;
}
