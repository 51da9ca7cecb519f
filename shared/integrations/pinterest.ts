/**
 * Pinterest API v5 client (`GET /v5/search/partner/pins`, `GET /v5/pins/{id}`), answering pins in
 * the seed's shape: the 236x/474x/736x/orig image set and `rich_summary` of Pinterest's web API.
 */
import { env } from '../config.js';
import { callJsonApi, configured, endpoint, isRecord, rejectedCredentials, stringOf, unexpectedAnswer } from './upstream.js';

const SERVICE = 'Pinterest';
const SEARCH_LIMIT = 50;

export type PinImage = {
  url: string;
  width: number;
  height: number;
};

export type PinImageSize = '736x' | '474x' | '236x' | 'orig';

export type PinterestResult = {
  id: string;
  type: string;
  title: string;
  link: string;
  description: string;
  images: Partial<Record<PinImageSize, PinImage>>;
  rich_summary?: { display_name: string };
};

/** The pin's page on pinterest.com. */
export const pinPageUrl = (id: string): string => `https://www.pinterest.com/pin/${encodeURIComponent(id)}/`;

export async function searchPins(keywords: string[]): Promise<PinterestResult[]> {
  const term = keywords
    .map((k) => k.trim())
    .filter(Boolean)
    .join(' ');
  const url = endpoint(env('PINTEREST_BASE_URL')!, '/v5/search/partner/pins', {
    term,
    country_code: env('PINTEREST_COUNTRY_CODE'),
    limit: SEARCH_LIMIT,
  });
  const { status, body } = await callPinterest(url);
  if (status !== 200 || !isRecord(body) || !Array.isArray(body.items)) throw unexpectedAnswer(SERVICE, status);
  return body.items.filter(isRecord).flatMap((pin) => {
    const result = toSeedPin(pin);
    return result ? [result] : [];
  });
}

/** The pin, or undefined when Pinterest does not know it. */
export async function getPin(id: string): Promise<PinterestResult | undefined> {
  const { status, body } = await callPinterest(endpoint(env('PINTEREST_BASE_URL')!, `/v5/pins/${encodeURIComponent(id)}`));
  if (status === 404) return undefined;
  const result = status === 200 && isRecord(body) ? toSeedPin(body) : undefined;
  if (!result) throw unexpectedAnswer(SERVICE, status);
  return result;
}

/** The largest image of a pin, for thumbnails. */
export function largestPinImage(pin: PinterestResult): PinImage | undefined {
  return pin.images.orig ?? pin.images['736x'] ?? pin.images['474x'] ?? pin.images['236x'];
}

async function callPinterest(url: URL) {
  const token = configured(SERVICE, 'PINTEREST_TOKEN');
  const answer = await callJsonApi(SERVICE, url, { headers: { authorization: `Bearer ${token}` } });
  if (answer.status === 401 || answer.status === 403) {
    throw rejectedCredentials(SERVICE, answer.status, isRecord(answer.body) ? stringOf(answer.body.message) : undefined);
  }
  return answer;
}

/** A v5 Pin in the seed's shape; undefined for an item without an id. */
export function toSeedPin(pin: Record<string, unknown>): PinterestResult | undefined {
  const id = stringOf(pin.id);
  if (!id) return undefined;
  const link = stringOf(pin.link) ?? '';
  const result: PinterestResult = {
    id,
    type: 'pin',
    title: stringOf(pin.title) ?? '',
    link,
    description: stringOf(pin.description) ?? stringOf(pin.alt_text) ?? '',
    images: seedImages(v5Images(pin)),
  };
  const displayName = hostOf(link) ?? (isRecord(pin.board_owner) ? stringOf(pin.board_owner.username) : undefined);
  if (displayName) result.rich_summary = { display_name: displayName };
  return result;
}

function v5Images(pin: Record<string, unknown>): Map<string, PinImage> {
  const images = new Map<string, PinImage>();
  const raw = isRecord(pin.media) && isRecord(pin.media.images) ? pin.media.images : {};
  for (const [key, value] of Object.entries(raw)) {
    if (!isRecord(value)) continue;
    const url = stringOf(value.url);
    const width = Number(value.width);
    const height = Number(value.height);
    if (url && width > 0 && height > 0) images.set(key, { url, width, height });
  }
  return images;
}

/** Pinterest's CDN paths carry the variant as a path segment: `/236x/`, `/600x/`, `/150x150/`, `/originals/`. */
const CDN_VARIANT = /\/(\d+x\d*|originals)\//;
const SEED_WIDTHS: Array<[PinImageSize, number]> = [
  ['236x', 236],
  ['474x', 474],
  ['736x', 736],
];

/**
 * v5 gives 150x150 and 400x300 crops and 600x/1200x widths; the seed's set is 236x/474x/736x
 * widths and the original. On Pinterest's CDN those are sibling paths of the same image, with
 * sizes following the aspect of the largest width-scaled variant (never upscaled). Images off
 * the CDN keep the closest variant v5 gave, with its own size.
 */
function seedImages(images: Map<string, PinImage>): PinterestResult['images'] {
  const scaled = [...images.entries()].filter(([key]) => /^\d+x$/.test(key) || key === 'originals').map(([, image]) => image);
  const candidates = scaled.length > 0 ? scaled : [...images.values()];
  if (candidates.length === 0) return {};
  const largest = candidates.reduce((a, b) => (b.width > a.width ? b : a));
  const out: PinterestResult['images'] = {};
  if (CDN_VARIANT.test(largest.url)) {
    for (const [name, width] of SEED_WIDTHS) {
      const w = Math.min(width, largest.width);
      out[name] = {
        url: largest.url.replace(CDN_VARIANT, `/${width}x/`),
        width: w,
        height: Math.round((w * largest.height) / largest.width),
      };
    }
    out.orig = { url: largest.url.replace(CDN_VARIANT, '/originals/'), width: largest.width, height: largest.height };
    return out;
  }
  const byWidth = [...candidates].sort((a, b) => a.width - b.width);
  for (const [name, width] of SEED_WIDTHS) out[name] = byWidth.find((image) => image.width >= width) ?? largest;
  out.orig = largest;
  return out;
}

function hostOf(link: string): string | undefined {
  try {
    const { hostname, protocol } = new URL(link);
    return protocol === 'http:' || protocol === 'https:' ? hostname.replace(/^www\./, '') : undefined;
  } catch {
    return undefined;
  }
}
