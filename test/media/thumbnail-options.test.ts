import { describe, expect, it } from 'vitest';
import { ALLOWED_THUMBNAIL_SIZES, negotiateImageFormat, snapThumbnailSize } from '../../shared/media/thumbnail-options.js';

describe('snapThumbnailSize', () => {
  it('keeps an allowed size', () => {
    for (const size of ALLOWED_THUMBNAIL_SIZES) expect(snapThumbnailSize(size)).toBe(size);
  });

  it('rounds up to the next allowed size', () => {
    expect(snapThumbnailSize(1)).toBe(64);
    expect(snapThumbnailSize(65)).toBe(128);
    expect(snapThumbnailSize(300)).toBe(512);
    expect(snapThumbnailSize(1025)).toBe(2048);
  });

  it('caps at the largest allowed size', () => {
    expect(snapThumbnailSize(5000)).toBe(2048);
  });
});

const browser = 'image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8';

describe('negotiateImageFormat', () => {
  it('serves webp below 1024 and avif from 1024 to a browser accepting both', () => {
    expect(negotiateImageFormat(browser, false, 512)).toBe('webp');
    expect(negotiateImageFormat(browser, false, 1024)).toBe('avif');
    expect(negotiateImageFormat(browser, true, 2048)).toBe('avif');
  });

  it('serves the one modern format a client names', () => {
    expect(negotiateImageFormat('image/webp,*/*', false, 2048)).toBe('webp');
    expect(negotiateImageFormat('image/avif,*/*', false, 128)).toBe('avif');
  });

  it('serves jpeg, or png with alpha, when modern formats are only matched by wildcards', () => {
    expect(negotiateImageFormat('*/*', false)).toBe('jpeg');
    expect(negotiateImageFormat('image/*', true)).toBe('png');
  });

  it('falls back to jpeg/png without an Accept header or when nothing matches', () => {
    expect(negotiateImageFormat(undefined, false)).toBe('jpeg');
    expect(negotiateImageFormat('', true)).toBe('png');
    expect(negotiateImageFormat('text/html', false)).toBe('jpeg');
  });

  it('honours q-values, including q=0 exclusions', () => {
    expect(negotiateImageFormat('image/webp;q=0.5, image/jpeg', false)).toBe('jpeg');
    expect(negotiateImageFormat('image/webp;q=0, image/avif;q=0, */*', false, 2048)).toBe('jpeg');
    expect(negotiateImageFormat('image/png;q=0, image/jpeg', false)).toBe('jpeg');
  });

  it('does not pick jpeg for an image with alpha while png is acceptable', () => {
    expect(negotiateImageFormat('image/jpeg, image/png;q=0.2', true)).toBe('png');
    expect(negotiateImageFormat('image/jpeg', true)).toBe('jpeg');
  });
});
