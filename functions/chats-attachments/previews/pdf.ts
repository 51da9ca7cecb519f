import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { badRequest } from '../../../shared/errors/api-error.js';

const standardFontDataUrl = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts') + '/';

type RenderParameters = Parameters<PDFPageProxy['render']>[0];

interface CanvasFactory {
  create(width: number, height: number): {
    canvas: { toBuffer(type: 'image/png'): Buffer };
    context: RenderParameters['canvasContext'];
  };
}

async function load(bytes: Buffer): Promise<PDFDocument> {
  try {
    return await PDFDocument.load(bytes, { updateMetadata: false });
  } catch {
    throw badRequest('the file is not a PDF that can be previewed');
  }
}

/**
 * A PDF made of pages `firstPage`..`lastPage` (from 1; `lastPage` 0 means the last page).
 * Pages outside the document, or a first page after the last, are 400.
 */
export async function extractPages(bytes: Buffer, firstPage: number, lastPage: number): Promise<Buffer> {
  const source = await load(bytes);
  const count = source.getPageCount();
  const last = lastPage === 0 ? count : lastPage;
  if (firstPage > count) throw badRequest(`firstPage ${firstPage} is after the last page of the document (${count})`);
  if (last > count) throw badRequest(`lastPage ${lastPage} is after the last page of the document (${count})`);
  if (firstPage > last) throw badRequest(`firstPage ${firstPage} is after lastPage ${last}`);
  const out = await PDFDocument.create();
  const indices = Array.from({ length: last - firstPage + 1 }, (_, i) => firstPage - 1 + i);
  for (const page of await out.copyPages(source, indices)) out.addPage(page);
  return Buffer.from(await out.save());
}

/**
 * Renders the first page to PNG so that it covers at least `width` x `height` pixels (a side of 0
 * is ignored), for the thumbnail step to crop. Bytes that are not a PDF are 400.
 */
export async function renderFirstPage(bytes: Buffer, width: number, height: number): Promise<Buffer> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let document;
  try {
    document = await pdfjs.getDocument({
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      standardFontDataUrl,
      verbosity: 0,
    }).promise;
  } catch {
    throw badRequest('the file is not a PDF that can be previewed');
  }
  try {
    const page = await document.getPage(1);
    const natural = page.getViewport({ scale: 1 });
    const scale = Math.max(width / natural.width, height / natural.height, 0.01);
    const viewport = page.getViewport({ scale });
    // pdf.js draws on @napi-rs/canvas in Node; its factory is untyped
    const factory = document.canvasFactory as CanvasFactory;
    const { canvas, context } = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
    await page.render({ canvasContext: context, viewport, canvas: null }).promise;
    return canvas.toBuffer('image/png');
  } finally {
    await document.destroy();
  }
}
