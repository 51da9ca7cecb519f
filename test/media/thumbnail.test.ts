import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { MediaError } from '../../shared/media/errors.js';
import {
  BLUE,
  GREEN,
  RED,
  closeTo,
  halfTransparentPng,
  leftRedRightBlueJpeg,
  noiseJpeg,
  pixelAt,
  pngBomb,
  redGreenBlueAnimation,
} from '../fixtures/media.js';
import { makeThumbnail } from '../../shared/media/thumbnail.js';

const WHITE = { r: 255, g: 255, b: 255 };

describe('makeThumbnail', () => {
  it('applies EXIF orientation: a 90° clockwise tag turns stored left/right into top/bottom', async () => {
    const jpeg = await leftRedRightBlueJpeg({ width: 400, height: 200, orientation: 6 });
    const thumb = await makeThumbnail(jpeg, { size: 128, format: 'jpeg' });
    expect([thumb.width, thumb.height]).toEqual([64, 128]);
    expect(closeTo(await pixelAt(thumb.data, 32, 5), RED)).toBe(true);
    expect(closeTo(await pixelAt(thumb.data, 32, 122), BLUE)).toBe(true);
  });

  it('scales the longest side to the size and never enlarges', async () => {
    const jpeg = await leftRedRightBlueJpeg({ width: 300, height: 150 });
    expect(await makeThumbnail(jpeg, { size: 64, format: 'webp' })).toMatchObject({ width: 64, height: 32, contentType: 'image/webp' });
    expect(await makeThumbnail(jpeg, { size: 1024, format: 'png' })).toMatchObject({ width: 300, height: 150 });
  });

  it('strips EXIF, GPS and orientation from the output', async () => {
    const jpeg = await leftRedRightBlueJpeg({ width: 100, height: 50, orientation: 6, gps: { latitude: 48.85, longitude: 2.35 } });
    const thumb = await makeThumbnail(jpeg, { size: 64, format: 'jpeg' });
    const metadata = await sharp(thumb.data).metadata();
    expect(metadata.exif).toBeUndefined();
    expect(metadata.orientation).toBeUndefined();
  });

  it('keeps alpha in png and webp, flattens jpeg onto white', async () => {
    const png = await halfTransparentPng(64, 64);
    for (const format of ['png', 'webp'] as const) {
      const thumb = await makeThumbnail(png, { size: 32, format });
      expect((await sharp(thumb.data).metadata()).hasAlpha).toBe(true);
      expect((await pixelAt(thumb.data, 2, 16)).a).toBe(0);
      expect((await pixelAt(thumb.data, 29, 16)).a).toBe(255);
    }
    const jpeg = await makeThumbnail(png, { size: 32, format: 'jpeg' });
    expect((await sharp(jpeg.data).metadata()).hasAlpha).toBe(false);
    expect(closeTo(await pixelAt(jpeg.data, 2, 16), WHITE, 10)).toBe(true);
    expect(closeTo(await pixelAt(jpeg.data, 29, 16), GREEN)).toBe(true);
  });

  it('encodes avif', async () => {
    const thumb = await makeThumbnail(await halfTransparentPng(64, 64), { size: 64, format: 'avif' });
    expect(thumb.contentType).toBe('image/avif');
    expect((await sharp(thumb.data).metadata()).format).toBe('heif');
  });

  it('takes the first frame of an animated GIF or WebP, as a still image', async () => {
    for (const format of ['gif', 'webp'] as const) {
      const thumb = await makeThumbnail(await redGreenBlueAnimation(format, 32), { size: 64, format: 'png' });
      expect([thumb.width, thumb.height]).toEqual([32, 32]);
      expect((await sharp(thumb.data).metadata()).pages ?? 1).toBe(1);
      expect(closeTo(await pixelAt(thumb.data, 16, 16), RED, 5)).toBe(true);
    }
  });

  it('refuses an image bomb as too-large', async () => {
    await expect(makeThumbnail(pngBomb(30000, 30000), { size: 512, format: 'jpeg' })).rejects.toMatchObject({ kind: 'too-large' });
  });

  it('fails a truncated JPEG as corrupt with the decoder reason', async () => {
    const jpeg = await noiseJpeg(256, 256);
    const error = await makeThumbnail(jpeg.subarray(0, Math.floor(jpeg.length * 0.6)), { size: 64, format: 'jpeg' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(MediaError);
    expect(error).toMatchObject({ kind: 'corrupt' });
    expect((error as Error).message).toMatch(/^image cannot be decoded: .+/);
  });

  it('rejects a size outside 1-4096', async () => {
    const jpeg = await leftRedRightBlueJpeg({ width: 10, height: 10 });
    await expect(makeThumbnail(jpeg, { size: 0, format: 'jpeg' })).rejects.toThrow(RangeError);
    await expect(makeThumbnail(jpeg, { size: 10.5, format: 'jpeg' })).rejects.toThrow(RangeError);
  });
});
