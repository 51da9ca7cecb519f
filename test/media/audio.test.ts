import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { probeAudio } from '../../shared/media/audio.js';
import { GREEN, closeTo, pixelAt, taggedMp3 } from '../fixtures/media.js';

const tags = { title: 'Test Tone', artist: 'The Oscillators', album: 'Sine Waves', genre: 'Ambient' };

describe('probeAudio', () => {
  it('reads ID3 tags, duration and the embedded cover art', async () => {
    const cover = await sharp({ create: { width: 40, height: 30, channels: 3, background: GREEN } })
      .png()
      .toBuffer();
    const info = await probeAudio(await taggedMp3(tags, cover), 'audio/mpeg');
    expect(info.tags).toMatchObject(tags);
    expect(info.tags.duration).toBe(3);
    expect(info.tags.durationFloat).toBeGreaterThan(2.9);
    expect(info.tags.durationFloat).toBeLessThan(3.2);
    expect(info.cover?.declaredType).toBe('image/png');
    const decoded = await sharp(info.cover!.data).metadata();
    expect([decoded.width, decoded.height]).toEqual([40, 30]);
    expect(closeTo(await pixelAt(info.cover!.data, 20, 15), GREEN, 0)).toBe(true);
  }, 30_000);

  it('has no cover when none is embedded', async () => {
    const info = await probeAudio(await taggedMp3(tags), 'audio/mpeg');
    expect(info.cover).toBeUndefined();
    expect(info.tags.title).toBe('Test Tone');
  }, 30_000);

  it('refuses bytes that are not audio', async () => {
    await expect(probeAudio(Buffer.from('definitely not audio'))).rejects.toMatchObject({ name: 'MediaError' });
  });
});
