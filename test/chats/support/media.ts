import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import sharp from 'sharp';

/** A PNG of the given size: left half red, right half blue (so crops and fits can be told apart). */
export async function pngImage(width: number, height: number): Promise<Buffer> {
  const half = Math.max(1, Math.floor(width / 2));
  const blue = await sharp({ create: { width: width - half || 1, height, channels: 3, background: { r: 0, g: 0, b: 255 } } })
    .png()
    .toBuffer();
  return sharp({ create: { width, height, channels: 3, background: { r: 255, g: 0, b: 0 } } })
    .composite([{ input: blue, left: half, top: 0 }])
    .png()
    .toBuffer();
}

export async function jpegImage(width: number, height: number): Promise<Buffer> {
  return sharp(await pngImage(width, height))
    .jpeg()
    .toBuffer();
}

/** A PDF of `pages` pages of 300x400 points, each saying its number. */
export async function pdfDocument(pages: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) {
    const page = doc.addPage([300, 400]);
    page.drawRectangle({ x: 0, y: 0, width: 300, height: 400, color: rgb(0, 0.5, 0) });
    page.drawText(`Page ${i}`, { x: 40, y: 200, size: 40, font, color: rgb(1, 1, 1) });
  }
  return Buffer.from(await doc.save());
}

export async function pageCount(bytes: Buffer): Promise<number> {
  return (await PDFDocument.load(bytes)).getPageCount();
}

export async function decoded(bytes: Buffer): Promise<{ format?: string; width?: number; height?: number; hasAlpha?: boolean }> {
  const meta = await sharp(bytes).metadata();
  return { format: meta.format, width: meta.width, height: meta.height, hasAlpha: meta.hasAlpha };
}

/** RGBA of one pixel of an encoded image. */
export async function pixel(bytes: Buffer, x: number, y: number): Promise<[number, number, number, number]> {
  const { data, info } = await sharp(bytes).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const offset = (y * info.width + x) * 4;
  return [data[offset], data[offset + 1], data[offset + 2], data[offset + 3]];
}
