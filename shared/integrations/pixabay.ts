/** Pixabay image search client (`GET /api/?key=...&q=...`), answering the fields the seed lists. */
import { env } from '../config.js';
import { callJsonApi, configured, endpoint, isRecord, rejectedCredentials, unexpectedAnswer } from './upstream.js';

const SERVICE = 'Pixabay';
const PER_PAGE = 50;

const STRING_FIELDS = [
  'pageURL',
  'type',
  'tags',
  'previewURL',
  'webformatURL',
  'largeImageURL',
  'fullHDURL',
  'imageURL',
  'user',
  'userImageURL',
] as const;
const INTEGER_FIELDS = [
  'id',
  'previewWidth',
  'previewHeight',
  'webformatWidth',
  'webformatHeight',
  'imageWidth',
  'imageHeight',
  'imageSize',
  'views',
  'downloads',
  'favorites',
  'likes',
  'comments',
  'user_id',
] as const;

export type PixabayHit = Partial<Record<(typeof STRING_FIELDS)[number], string> & Record<(typeof INTEGER_FIELDS)[number], number>>;

export type PixabayAnswer = {
  total: number;
  totalHits: number;
  hits: PixabayHit[];
};

export async function searchPixabay(q: string): Promise<PixabayAnswer> {
  const key = configured(SERVICE, 'PIXABAY_API_KEY');
  const url = endpoint(env('PIXABAY_BASE_URL')!, '', { key, q, per_page: PER_PAGE });
  const { status, body } = await callJsonApi(SERVICE, url);
  // Pixabay reports a bad key as a plain-text 400 ("[ERROR 400] Invalid or missing API key").
  if (status === 401 || status === 403 || (status === 400 && typeof body === 'string' && /api key/i.test(body))) {
    throw rejectedCredentials(SERVICE, status, typeof body === 'string' ? body.slice(0, 200) : undefined);
  }
  if (status !== 200 || !isRecord(body) || !Array.isArray(body.hits)) throw unexpectedAnswer(SERVICE, status);
  return {
    total: integer(body.total) ?? 0,
    totalHits: integer(body.totalHits) ?? 0,
    hits: body.hits.filter(isRecord).map(toHit),
  };
}

function toHit(raw: Record<string, unknown>): PixabayHit {
  const hit: PixabayHit = {};
  for (const field of STRING_FIELDS) if (typeof raw[field] === 'string') hit[field] = raw[field];
  for (const field of INTEGER_FIELDS) {
    const value = integer(raw[field]);
    if (value !== undefined) hit[field] = value;
  }
  return hit;
}

const integer = (value: unknown): number | undefined => (typeof value === 'number' && Number.isInteger(value) ? value : undefined);
