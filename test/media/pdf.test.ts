import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { MediaError } from '../../shared/media/errors.js';
import { countPages, extractPages, renderFirstPage } from '../../shared/media/pdf.js';
import { PDF_PAGE_SIZES, closeTo, pixelAt, threePagePdf } from '../fixtures/media.js';

const BLACK = { r: 0, g: 0, b: 0 };
const WHITE = { r: 255, g: 255, b: 255 };

async function pageSizes(pdf: Buffer): Promise<[number, number][]> {
  const document = await PDFDocument.load(pdf);
  return document.getPages().map((page) => {
    const { width, height } = page.getSize();
    return [width, height];
  });
}

describe('renderFirstPage', () => {
  it('renders page 1 to a PNG with its aspect ratio and counts the pages', async () => {
    const render = await renderFirstPage(await threePagePdf(), { size: 400 });
    expect(render.pageCount).toBe(3);
    expect(render.firstPage).toEqual({ width: 200, height: 400, orientation: 1 });
    const png = await sharp(render.png).metadata();
    expect([png.format, png.width, png.height]).toEqual(['png', 200, 400]);
    // The black square spans x 50-150 and sits 50-150 points below the top edge.
    expect(closeTo(await pixelAt(render.png, 100, 100), BLACK, 10)).toBe(true);
    expect(closeTo(await pixelAt(render.png, 100, 300), WHITE, 10)).toBe(true);
  });

  it('fails a damaged PDF as corrupt', async () => {
    const pdf = await threePagePdf();
    const error = await renderFirstPage(Buffer.from('%PDF-1.7\nthis is not a PDF body')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MediaError);
    expect(error).toMatchObject({ kind: 'corrupt' });
    expect((error as Error).message).toMatch(/^PDF cannot be rendered: .+/);
    await expect(renderFirstPage(pdf.subarray(0, 50))).rejects.toMatchObject({ kind: 'corrupt' });
  });
});

describe('renderFirstPage time limit', () => {
  it('gives up with a timeout error when the limit passes first', async () => {
    await expect(renderFirstPage(await threePagePdf(), { timeoutMs: 0 })).rejects.toMatchObject({ name: 'MediaError', kind: 'timeout' });
  });
});

describe('extractPages', () => {
  it('copies an inclusive page range, last = 0 meaning the last page', async () => {
    const pdf = await threePagePdf();
    expect(await countPages(pdf)).toBe(3);
    expect(await pageSizes(await extractPages(pdf, 2, 0))).toEqual(PDF_PAGE_SIZES.slice(1));
    expect(await pageSizes(await extractPages(pdf, 1, 1))).toEqual(PDF_PAGE_SIZES.slice(0, 1));
    expect(await pageSizes(await extractPages(pdf, 1, 3))).toEqual(PDF_PAGE_SIZES);
  });

  it('refuses ranges outside the document as bad-range', async () => {
    const pdf = await threePagePdf();
    for (const [first, last] of [
      [0, 1],
      [4, 0],
      [2, 1],
      [1, 4],
      [1.5, 2],
      [-1, 0],
    ]) {
      await expect(extractPages(pdf, first, last), `${first}-${last}`).rejects.toMatchObject({ kind: 'bad-range' });
    }
  });

  it('fails a file that is no PDF as corrupt', async () => {
    await expect(extractPages(Buffer.from('hello'), 1, 0)).rejects.toMatchObject({ kind: 'corrupt' });
  });
});
