import type { Sharp } from 'sharp';
import { imageDecodeError, probeImage } from '../../../shared/media/index.js';
import { loadSharp } from '../../../shared/media/lazy.js';
import { maxPixels, toolTimeoutMs } from '../../../shared/media/limits.js';
import { gifColours, jpegQuality, pngPalette, type Area, type OutputFormat, type Quality, type Shape } from '../rules/preview-params.js';

export interface EncodeOptions {
  quality: Quality;
  format: OutputFormat;
}

const white = { r: 255, g: 255, b: 255, alpha: 1 };
const transparent = { r: 0, g: 0, b: 0, alpha: 0 };

/**
 * Opens an image upright (first frame of an animation) once its header passed the pixel limit
 * (shared/media), so a decompression bomb is refused before any pixel is decoded.
 */
async function open(bytes: Buffer): Promise<Sharp> {
  const limit = maxPixels();
  await probeImage(bytes, { maxPixels: limit });
  const sharp = await loadSharp();
  return sharp(bytes, { limitInputPixels: limit, failOn: 'error', pages: 1 })
    .timeout({ seconds: Math.max(1, Math.ceil(toolTimeoutMs() / 1000)) })
    .rotate();
}

async function encode(image: Sharp, options: EncodeOptions): Promise<Buffer> {
  try {
    return await encoded(image, options);
  } catch (error) {
    throw imageDecodeError(error);
  }
}

function encoded(image: Sharp, { quality, format }: EncodeOptions): Promise<Buffer> {
  switch (format) {
    case 'Jpeg':
      return image
        .flatten({ background: white })
        .jpeg({ quality: jpegQuality[quality], mozjpeg: quality === 'Highest' })
        .toBuffer();
    case 'Png':
      return image.png(pngPalette[quality] ? { palette: true, quality: jpegQuality[quality] } : {}).toBuffer();
    case 'Gif':
      return image.gif({ colours: gifColours[quality] }).toBuffer();
  }
}

/**
 * A preview of the image in `area`. With both sides given, the result is exactly that size:
 * cropped from the borders when `crop`, otherwise scaled whole with borders filling the rest. A
 * side of 0 follows the other one; 0x0 keeps the original size.
 */
export async function imagePreview(bytes: Buffer, area: Area, crop: boolean, options: EncodeOptions): Promise<Buffer> {
  const image = await open(bytes);
  if (area.width > 0 || area.height > 0) {
    image.resize({
      width: area.width || undefined,
      height: area.height || undefined,
      fit: crop ? 'cover' : 'contain',
      background: options.format === 'Jpeg' ? white : transparent,
    });
  }
  return encode(image, options);
}

/** A round mask as large as the thumbnail: what lies outside becomes transparent. */
function roundMask(width: number, height: number): Buffer {
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
      `<ellipse cx="${width / 2}" cy="${height / 2}" rx="${width / 2}" ry="${height / 2}" fill="#fff"/></svg>`,
  );
}

/**
 * A thumbnail filling `area` exactly (cropped from the borders). Rounded thumbnails are
 * transparent outside the inscribed ellipse (white for JPEG).
 */
export async function thumbnail(bytes: Buffer, { width, height }: Area, shape: Shape, options: EncodeOptions): Promise<Buffer> {
  const image = await open(bytes);
  image.resize({ width, height, fit: 'cover' });
  if (shape === 'Rectangular') return encode(image, options);
  const cropped = await image
    .ensureAlpha()
    .png()
    .toBuffer()
    .catch((error: unknown) => {
      throw imageDecodeError(error);
    });
  const sharp = await loadSharp();
  const rounded = sharp(cropped).composite([{ input: roundMask(width, height), blend: 'dest-in' }]);
  return encode(sharp(await rounded.png().toBuffer()), options);
}
