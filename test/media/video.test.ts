import { chmod, copyFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { MediaError } from '../../shared/media/errors.js';
import { testPatternMp4 } from '../fixtures/media.js';
import { ensureExecutable, runTool, toolPath, withTempDir } from '../../shared/media/tools.js';
import { extractFirstFrame, orientationFromRotation, parseIso6709, probeVideo, videoInfoFromProbe } from '../../shared/media/video.js';

describe('probeVideo', () => {
  it('reads duration, size and streams of an MP4', async () => {
    const info = await probeVideo(await testPatternMp4(2));
    expect(info).toMatchObject({
      duration: 2,
      width: 320,
      height: 240,
      orientation: 1,
      hasVideo: true,
      hasAudio: false,
      hasAlphaChannel: false,
    });
    expect(info.durationFloat).toBeCloseTo(2, 1);
  }, 30_000);

  it('fails bytes that are no video as corrupt with ffprobe reason', async () => {
    const error = await probeVideo(Buffer.from('not a video at all')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MediaError);
    expect(error).toMatchObject({ kind: 'corrupt' });
    expect((error as Error).message).toMatch(/^ffprobe failed: .+/);
  });

  it('does not open playlists, which could make the tool read other files or URLs', async () => {
    await withTempDir(async (dir) => {
      const playlist = join(dir, 'list.m3u8');
      await writeFile(playlist, `#EXTM3U\n#EXT-X-TARGETDURATION:1\n#EXTINF:1,\n${join(dir, 'segment.ts')}\n#EXT-X-ENDLIST\n`);
      const error = await probeVideo(playlist).catch((e: unknown) => e);
      expect(error).toMatchObject({ kind: 'corrupt' });
      expect((error as Error).message).toMatch(/not on whitelist/);
    });
  });
});

describe('video probe interpretation', () => {
  it('maps display rotation to EXIF orientation', () => {
    expect([0, 90, 180, 270].map(orientationFromRotation)).toEqual([1, 6, 3, 8]);
    const rotated = videoInfoFromProbe({
      streams: [{ codec_type: 'video', width: 1920, height: 1080, side_data_list: [{ rotation: -90 }] }],
    });
    expect(rotated).toMatchObject({ width: 1920, height: 1080, orientation: 6 });
    expect(videoInfoFromProbe({ streams: [{ codec_type: 'video', width: 2, height: 2, tags: { rotate: '270' } }] }).orientation).toBe(8);
  });

  it('detects alpha from the pixel format or the WebM alpha_mode tag', () => {
    expect(videoInfoFromProbe({ streams: [{ codec_type: 'video', pix_fmt: 'yuva420p' }] }).hasAlphaChannel).toBe(true);
    expect(videoInfoFromProbe({ streams: [{ codec_type: 'video', pix_fmt: 'yuv420p', tags: { alpha_mode: '1' } }] }).hasAlphaChannel).toBe(
      true,
    );
    expect(videoInfoFromProbe({ streams: [{ codec_type: 'video', pix_fmt: 'yuv420p' }] }).hasAlphaChannel).toBe(false);
  });

  it('ignores cover pictures attached to audio files', () => {
    const info = videoInfoFromProbe({
      streams: [{ codec_type: 'audio' }, { codec_type: 'video', width: 500, height: 500, disposition: { attached_pic: 1 } }],
    });
    expect(info).toMatchObject({ hasVideo: false, hasAudio: true });
  });

  it('reads ISO 6709 locations', () => {
    expect(parseIso6709('+48.8577+002.2950+035.000/')).toEqual({ latitude: 48.8577, longitude: 2.295 });
    expect(parseIso6709('-33.8568+151.2153/')).toEqual({ latitude: -33.8568, longitude: 151.2153 });
    expect(parseIso6709('nowhere')).toBeUndefined();
  });
});

describe('extractFirstFrame', () => {
  it('returns a decodable PNG or JPEG of the first frame', async () => {
    const mp4 = await testPatternMp4(2);
    const png = await sharp(await extractFirstFrame(mp4)).metadata();
    expect([png.format, png.width, png.height]).toEqual(['png', 320, 240]);
    const jpeg = await sharp(await extractFirstFrame(mp4, { format: 'jpeg' })).metadata();
    expect([jpeg.format, jpeg.width, jpeg.height]).toEqual(['jpeg', 320, 240]);
  }, 30_000);

  it('refuses frames above the pixel limit', async () => {
    await expect(extractFirstFrame(await testPatternMp4(1), { maxPixels: 320 * 240 - 1 })).rejects.toMatchObject({ kind: 'too-large' });
  }, 30_000);
});

describe('tools', () => {
  it('kills a tool that runs past its time limit', async () => {
    const started = Date.now();
    const run = runTool('ffmpeg', ['-v', 'error', '-nostdin', '-re', '-f', 'lavfi', '-i', 'testsrc=duration=30', '-f', 'null', '-'], {
      timeoutMs: 300,
    });
    await expect(run).rejects.toMatchObject({ kind: 'timeout' });
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('makes a bundled binary without the execute bit executable', async () => {
    await withTempDir(async (dir) => {
      const copy = join(dir, 'ffprobe');
      await copyFile(await toolPath('ffprobe'), copy);
      await chmod(copy, 0o644);
      const usable = await ensureExecutable(copy);
      expect((await stat(usable)).mode & 0o111).toBe(0o111);
    });
  });
});
