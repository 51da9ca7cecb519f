import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { extractMetadata } from '../../shared/media/extract.js';
import {
  BLUE,
  RED,
  audioOnlyMp4,
  closeTo,
  leftRedRightBlueJpeg,
  noiseJpeg,
  pixelAt,
  redGreenBlueAnimation,
  taggedMp3,
  testPatternMp4,
  threePagePdf,
} from '../fixtures/media.js';
import { makeThumbnail } from '../../shared/media/thumbnail.js';

describe('extractMetadata', () => {
  it('JPEG: dimensions, orientation, geolocation; the image is its own thumbnail source', async () => {
    const jpeg = await leftRedRightBlueJpeg({ width: 400, height: 200, orientation: 6, gps: { latitude: 48.8584, longitude: 2.2945 } });
    const result = await extractMetadata(jpeg, { fileName: 'photo.png' });
    expect(result.contentType).toBe('image/jpeg');
    expect(result.dimensions).toEqual({ width: 400, height: 200, orientation: 6 });
    expect(result.geolocation?.latitude).toBeCloseTo(48.8584, 4);
    expect(result.geolocation?.longitude).toBeCloseTo(2.2945, 4);
    const thumb = await makeThumbnail(result.thumbnailSource!, { size: 512, format: 'jpeg' });
    expect([thumb.width, thumb.height]).toEqual([200, 400]);
    expect(closeTo(await pixelAt(thumb.data, 100, 10), RED)).toBe(true);
    expect(closeTo(await pixelAt(thumb.data, 100, 390), BLUE)).toBe(true);
  });

  it('GIF: frame size, thumbnail of the first frame', async () => {
    const result = await extractMetadata(await redGreenBlueAnimation('gif', 24));
    expect(result).toMatchObject({ contentType: 'image/gif', dimensions: { width: 24, height: 24, orientation: 1 } });
    const thumb = await makeThumbnail(result.thumbnailSource!, { size: 512, format: 'jpeg' });
    expect(closeTo(await pixelAt(thumb.data, 12, 12), RED)).toBe(true);
  });

  it('MP4: duration, size, alpha flag and a first-frame thumbnail source', async () => {
    const result = await extractMetadata(await testPatternMp4(2));
    expect(result).toMatchObject({
      contentType: 'video/mp4',
      dimensions: { width: 320, height: 240, orientation: 1 },
      video: { duration: 2, hasAlphaChannel: false },
    });
    expect(result.video?.durationFloat).toBeCloseTo(2, 1);
    const frame = await sharp(result.thumbnailSource!).metadata();
    expect([frame.width, frame.height]).toEqual([320, 240]);
  }, 30_000);

  it('an MP4 without a video stream is read, and labelled, as audio', async () => {
    const result = await extractMetadata(await audioOnlyMp4(2));
    expect(result.contentType).toBe('audio/mp4');
    expect(result.audio?.duration).toBe(2);
    expect(result.video).toBeUndefined();
    expect(result.thumbnailSource).toBeUndefined();
  }, 30_000);

  it('MP3: tags, duration and the cover art as thumbnail source', async () => {
    const cover = await noiseJpeg(50, 40);
    const mp3 = await taggedMp3({ title: 'Song', artist: 'Band', album: 'Record', genre: 'Rock' }, await sharp(cover).png().toBuffer());
    const result = await extractMetadata(mp3);
    expect(result.contentType).toBe('audio/mpeg');
    expect(result.audio).toMatchObject({ title: 'Song', artist: 'Band', album: 'Record', genre: 'Rock', duration: 3 });
    const thumbSource = await sharp(result.thumbnailSource!).metadata();
    expect([thumbSource.format, thumbSource.width, thumbSource.height]).toEqual(['png', 50, 40]);
  }, 30_000);

  it('PDF: page count, first page size and a render as thumbnail source', async () => {
    const result = await extractMetadata(await threePagePdf());
    expect(result).toMatchObject({ contentType: 'application/pdf', pageCount: 3, dimensions: { width: 200, height: 400, orientation: 1 } });
    const render = await sharp(result.thumbnailSource!).metadata();
    expect([render.format, render.height! / render.width!]).toEqual(['png', 2]);
  });

  it('other content: its sniffed type only', async () => {
    expect(await extractMetadata(Buffer.from('just some notes\n'), { fileName: 'notes.md' })).toEqual({
      contentType: 'text/markdown; charset=utf-8',
    });
    expect(await extractMetadata(Buffer.from([0, 1, 2, 3, 250, 251]))).toEqual({ contentType: 'application/octet-stream' });
  });

  it('content that claims a handled type but does not decode fails with a MediaError', async () => {
    const pdfHeaderOnly = Buffer.from('%PDF-1.4\n%garbage that never becomes a document');
    await expect(extractMetadata(pdfHeaderOnly)).rejects.toMatchObject({ name: 'MediaError', kind: 'corrupt' });
  });
});
