/**
 * Builders of small media files for the media tests, generated on the fly so the repository
 * holds no binary fixtures.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deflateSync, crc32 } from 'node:zlib';
import { PDFDocument, rgb } from 'pdf-lib';
import sharp from 'sharp';
import { runTool, withTempDir } from './tools.js';

export const RED = { r: 255, g: 0, b: 0 };
export const GREEN = { r: 0, g: 255, b: 0 };
export const BLUE = { r: 0, g: 0, b: 255 };

type Color = { r: number; g: number; b: number };

function solid(width: number, height: number, color: Color, alpha = 1): sharp.Sharp {
  return sharp({ create: { width, height, channels: 4, background: { ...color, alpha } } });
}

/** A JPEG whose stored pixels are red on the left half and blue on the right half. */
export async function leftRedRightBlueJpeg(options: { width: number; height: number; orientation?: number; gps?: { latitude: number; longitude: number } }): Promise<Buffer> {
  const { width, height } = options;
  const right = await solid(width - Math.floor(width / 2), height, BLUE).png().toBuffer();
  let image = solid(width, height, RED)
    .composite([{ input: right, left: Math.floor(width / 2), top: 0 }])
    .jpeg({ quality: 95 });
  if (options.gps) image = image.withExif({ IFD3: gpsExif(options.gps.latitude, options.gps.longitude) });
  if (options.orientation) image = image.withMetadata({ orientation: options.orientation });
  return image.toBuffer();
}

function gpsExif(latitude: number, longitude: number): Record<string, string> {
  const dms = (value: number) => {
    const abs = Math.abs(value);
    const degrees = Math.floor(abs);
    const minutes = Math.floor((abs - degrees) * 60);
    const centiSeconds = Math.round(((abs - degrees) * 60 - minutes) * 60 * 100);
    return `${degrees}/1 ${minutes}/1 ${centiSeconds}/100`;
  };
  return {
    GPSLatitudeRef: latitude < 0 ? 'S' : 'N',
    GPSLatitude: dms(latitude),
    GPSLongitudeRef: longitude < 0 ? 'W' : 'E',
    GPSLongitude: dms(longitude),
  };
}

/** A PNG whose left half is fully transparent and right half opaque green. */
export async function halfTransparentPng(width = 64, height = 64): Promise<Buffer> {
  const opaque = await solid(width / 2, height, GREEN).png().toBuffer();
  return solid(width, height, RED, 0)
    .composite([{ input: opaque, left: width / 2, top: 0 }])
    .png()
    .toBuffer();
}

/** An animated GIF or WebP whose frames are solid red, green, blue. */
export async function redGreenBlueAnimation(format: 'gif' | 'webp', size = 32): Promise<Buffer> {
  const frames = await Promise.all([RED, GREEN, BLUE].map((color) => solid(size, size, color).png().toBuffer()));
  const animation = sharp(frames, { join: { animated: true } });
  return (format === 'gif' ? animation.gif({ delay: 100 }) : animation.webp({ delay: 100, lossless: true })).toBuffer();
}

/** A JPEG of random noise (so its entropy-coded data is long), `width` x `height`. */
export async function noiseJpeg(width: number, height: number): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 2654435761) >>> 24;
  return sharp(pixels, { raw: { width, height, channels: 3 } }).jpeg({ quality: 90 }).toBuffer();
}

/**
 * A valid 1-bit grayscale PNG of width x height pixels, all black: a few hundred kilobytes that
 * would decode to width x height bytes.
 */
export function pngBomb(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([1, 0, 0, 0, 0], 8); // bit depth 1, grayscale, deflate, adaptive filter, no interlace
  const rowBytes = 1 + Math.ceil(width / 8);
  const raw = Buffer.alloc(rowBytes * height); // filter 0 and black pixels: all zero
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Page sizes in points of the fixture PDF: a tall first page, then two distinct others. */
export const PDF_PAGE_SIZES: [number, number][] = [
  [200, 400],
  [300, 300],
  [400, 250],
];

/** A three-page PDF; page 1 is white with a black square in its top half. */
export async function threePagePdf(): Promise<Buffer> {
  const document = await PDFDocument.create();
  for (const [width, height] of PDF_PAGE_SIZES) document.addPage([width, height]);
  // pdf-lib's y axis points up: this square sits in the top half of page 1.
  document.getPage(0).drawRectangle({ x: 50, y: 250, width: 100, height: 100, color: rgb(0, 0, 0) });
  document.getPage(0).drawText('first page', { x: 20, y: 20, size: 12 });
  return Buffer.from(await document.save());
}

export interface Mp3Tags {
  title: string;
  artist: string;
  album: string;
  genre: string;
}

/** A 3-second 440 Hz MP3 with ID3v2 tags and, optionally, a front cover picture. */
export async function taggedMp3(tags: Mp3Tags, cover?: Buffer): Promise<Buffer> {
  return withTempDir(async (dir) => {
    const output = join(dir, 'out.mp3');
    const inputs = ['-f', 'lavfi', '-i', 'sine=frequency=440:duration=3'];
    const mapping = ['-map', '0:a'];
    if (cover) {
      await writeFile(join(dir, 'cover.png'), cover);
      inputs.push('-i', join(dir, 'cover.png'));
      mapping.push('-map', '1:v', '-c:v', 'png', '-metadata:s:v', 'title=Album cover', '-metadata:s:v', 'comment=Cover (front)');
    }
    const metadata = Object.entries(tags).flatMap(([key, value]) => ['-metadata', `${key}=${value}`]);
    await runTool('ffmpeg', ['-v', 'error', '-nostdin', '-y', ...inputs, ...mapping, '-c:a', 'libmp3lame', '-b:a', '64k', '-id3v2_version', '3', ...metadata, output]);
    return readFile(output);
  });
}

/** An MP4 holding only an AAC tone (no video stream), `seconds` long. */
export async function audioOnlyMp4(seconds: number): Promise<Buffer> {
  return withTempDir(async (dir) => {
    const output = join(dir, 'out.mp4');
    await runTool('ffmpeg', ['-v', 'error', '-nostdin', '-y', '-f', 'lavfi', '-i', `sine=frequency=440:duration=${seconds}`, '-c:a', 'aac', '-f', 'mp4', '-brand', 'isom', output]);
    return readFile(output);
  });
}

/** An H.264 MP4 of ffmpeg's test pattern, `seconds` long. */
export async function testPatternMp4(seconds: number, width = 320, height = 240): Promise<Buffer> {
  return withTempDir(async (dir) => {
    const output = join(dir, 'out.mp4');
    await runTool('ffmpeg', [
      '-v', 'error', '-nostdin', '-y', '-f', 'lavfi', '-i', `testsrc=duration=${seconds}:size=${width}x${height}:rate=25`,
      '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-preset', 'ultrafast', '-movflags', '+faststart', output,
    ]);
    return readFile(output);
  });
}

/** RGBA of the pixel at (x, y) of any image sharp decodes (alpha 255 when the image has none). */
export async function pixelAt(image: Buffer, x: number, y: number): Promise<{ r: number; g: number; b: number; a: number }> {
  const { data, info } = await sharp(image).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const offset = (y * info.width + x) * info.channels;
  return { r: data[offset], g: data[offset + 1], b: data[offset + 2], a: data[offset + 3] };
}

/** True when every channel of `actual` is within `tolerance` of `expected` (lossy codecs shift colours). */
export function closeTo(actual: Color, expected: Color, tolerance = 40): boolean {
  return Math.abs(actual.r - expected.r) <= tolerance && Math.abs(actual.g - expected.g) <= tolerance && Math.abs(actual.b - expected.b) <= tolerance;
}
