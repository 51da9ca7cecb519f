/** Amazon product images by ASIN, from Amazon's public image host (no API key). */
import { env } from '../config.js';
import { endpoint } from './upstream.js';

/** ASINs (and ISBN-10s, which Amazon uses as the ASIN of books): ten upper-case letters and digits. */
export const AMAZON_ASIN = /^[A-Z0-9]{10}$/;

/** The large product image. Amazon answers an unknown ASIN with a 1x1 placeholder GIF rather than a 404. */
export const amazonImageUrl = (asin: string): URL => endpoint(env('AMAZON_IMAGE_BASE_URL')!, `${encodeURIComponent(asin)}.01.LZZZZZZZ.jpg`);
