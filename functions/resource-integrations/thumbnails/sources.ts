/** Where each partner's image of an id is found. */
import { AMAZON_ASIN, amazonImageUrl } from '../../../shared/integrations/amazon.js';
import { isFound, omdbTitle, posterUrl } from '../../../shared/integrations/omdb.js';
import { getPin, largestPinImage } from '../../../shared/integrations/pinterest.js';
import { YOUTUBE_VIDEO_ID, youtubeThumbnailUrl } from '../../../shared/integrations/youtube.js';
import { getPageInfo, outboundToApiError } from '../../../shared/outbound/index.js';
import { IMDB_ID } from '../schemas/imdb.js';

export type PartnerProvider = 'amazon' | 'youtube' | 'imdb' | 'pinterest' | 'link';

export interface PartnerSource {
  /** Id patterns of the `{id}` path parameter. */
  idPattern?: string;
  /** true: the image URL comes from the caller (a link), so its failures are the caller's (4xx). */
  userSupplied: boolean;
  /** The image URL, or undefined when the partner has no image for the id. */
  imageUrl(id: string): Promise<string | undefined>;
}

export const partnerSources: Record<PartnerProvider, PartnerSource> = {
  amazon: { idPattern: AMAZON_ASIN.source, userSupplied: false, imageUrl: async (asin) => amazonImageUrl(asin).href },
  youtube: { idPattern: YOUTUBE_VIDEO_ID.source, userSupplied: false, imageUrl: async (videoId) => youtubeThumbnailUrl(videoId).href },
  imdb: {
    idPattern: IMDB_ID,
    userSupplied: false,
    imageUrl: async (imdbId) => {
      const title = await omdbTitle({ i: imdbId });
      return isFound(title) ? posterUrl(title) : undefined;
    },
  },
  pinterest: {
    idPattern: '^[0-9]{1,30}$',
    userSupplied: false,
    imageUrl: async (pinId) => {
      const pin = await getPin(pinId);
      return pin ? largestPinImage(pin)?.url : undefined;
    },
  },
  link: {
    userSupplied: true,
    /** The page's preview image (og:image), else its icon; an image URL is its own thumbnail. */
    imageUrl: async (url) => {
      try {
        const page = await getPageInfo(url);
        return page.isImage ? page.url : (page.image ?? page.favicon);
      } catch (err) {
        throw outboundToApiError(err, { userSupplied: true, subject: 'url' });
      }
    },
  },
};
