import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { MediaError } from '../../shared/media/errors.js';
import { probeImage } from '../../shared/media/image.js';
import { halfTransparentPng, leftRedRightBlueJpeg, noiseJpeg, pngBomb, redGreenBlueAnimation } from '../fixtures/media.js';

describe('probeImage', () => {
  it('reads stored size, EXIF orientation, display size and GPS position', async () => {
    const jpeg = await leftRedRightBlueJpeg({ width: 40, height: 20, orientation: 6, gps: { latitude: -33.8568, longitude: 151.2153 } });
    const info = await probeImage(jpeg);
    expect(info).toMatchObject({
      format: 'jpeg',
      width: 40,
      height: 20,
      orientation: 6,
      displayWidth: 20,
      displayHeight: 40,
      hasAlpha: false,
      animated: false,
    });
    expect(info.geolocation?.latitude).toBeCloseTo(-33.8568, 4);
    expect(info.geolocation?.longitude).toBeCloseTo(151.2153, 4);
  });

  it('reports orientation 1 and no geolocation for an image without EXIF', async () => {
    const info = await probeImage(await leftRedRightBlueJpeg({ width: 30, height: 10 }));
    expect(info.orientation).toBe(1);
    expect(info.geolocation).toBeUndefined();
  });

  it('reports alpha and animation', async () => {
    expect((await probeImage(await halfTransparentPng())).hasAlpha).toBe(true);
    const gif = await probeImage(await redGreenBlueAnimation('gif', 16));
    expect(gif).toMatchObject({ animated: true, pages: 3, width: 16, height: 16 });
    expect((await probeImage(await redGreenBlueAnimation('webp', 16))).animated).toBe(true);
  });

  it('refuses an image declaring more pixels than the limit, from its header', async () => {
    const bomb = pngBomb(30000, 30000);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const header = await sharp(bomb, { limitInputPixels: false }).metadata();
    expect([header.format, header.width, header.height]).toEqual(['png', 30000, 30000]);
    const error = await probeImage(bomb).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MediaError);
    expect(error).toMatchObject({ kind: 'too-large' });
    expect((error as MediaError).message).toContain('900000000 pixels');
  });

  it('applies a per-call pixel limit', async () => {
    const jpeg = await leftRedRightBlueJpeg({ width: 40, height: 20 });
    await expect(probeImage(jpeg, { maxPixels: 799 })).rejects.toMatchObject({ kind: 'too-large' });
    await expect(probeImage(jpeg, { maxPixels: 800 })).resolves.toMatchObject({ width: 40 });
  });

  it('reads the pixel limit from MEDIA_MAX_PIXELS', async () => {
    const jpeg = await leftRedRightBlueJpeg({ width: 40, height: 20 });
    process.env.MEDIA_MAX_PIXELS = '100';
    try {
      await expect(probeImage(jpeg)).rejects.toMatchObject({ kind: 'too-large' });
    } finally {
      delete process.env.MEDIA_MAX_PIXELS;
    }
  });

  it('gives a readable corrupt error for a cut-off header and unsupported for non-images', async () => {
    const jpeg = await noiseJpeg(64, 64);
    const error = await probeImage(jpeg.subarray(0, 100)).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'corrupt' });
    expect((error as Error).message).toMatch(/^image cannot be decoded: /);
    await expect(probeImage(Buffer.from('plain text, not an image'))).rejects.toMatchObject({ kind: 'unsupported' });
  });
});
