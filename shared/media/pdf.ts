import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PDFDocument } from 'pdf-lib';
import type { RenderParameters } from 'pdfjs-dist/types/src/display/api.js';
import { MediaError, reasonOf } from './errors.js';
import { loadCanvas, loadPdfjs, loadPdfLib } from './lazy.js';
import { maxPixels, toolTimeoutMs } from './limits.js';
import type { Dimensions } from './types.js';

const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

export interface PdfRender {
  /** PNG of the first page, white background, longest side = `size`. */
  png: Buffer;
  pageCount: number;
  /** First page in points (1/72 inch), page rotation applied. */
  firstPage: Dimensions;
}

export interface PdfRenderOptions {
  /** Longest side of the rendered page in pixels (default 1024). */
  size?: number;
  /** Largest embedded image (width x height) pdf.js decodes; defaults to MEDIA_MAX_PIXELS. */
  maxImagePixels?: number;
  timeoutMs?: number;
}

/**
 * Renders the first page of a PDF to PNG and counts its pages. Rendering runs in this process;
 * the time limit cancels it between drawing steps. A damaged file fails as 'corrupt', a
 * password-protected one as 'unsupported'.
 */
export async function renderFirstPage(input: Uint8Array, options: PdfRenderOptions = {}): Promise<PdfRender> {
  const size = options.size ?? 1024;
  const timeoutMs = options.timeoutMs ?? toolTimeoutMs();
  const [{ getDocument }, { createCanvas }] = await Promise.all([loadPdfjs(), loadCanvas()]);
  const loadingTask = getDocument({
    data: new Uint8Array(input),
    standardFontDataUrl: join(pdfjsRoot, 'standard_fonts') + '/',
    cMapUrl: join(pdfjsRoot, 'cmaps') + '/',
    cMapPacked: true,
    wasmUrl: join(pdfjsRoot, 'wasm') + '/',
    maxImageSize: options.maxImagePixels ?? maxPixels(),
    isEvalSupported: false,
    enableXfa: false,
    verbosity: 0,
  });
  let cancelRender: (() => void) | undefined;
  const timer = setTimeout(() => {
    cancelRender?.();
    void loadingTask.destroy();
  }, timeoutMs);
  try {
    const document = await loadingTask.promise;
    const page = await document.getPage(1);
    const points = page.getViewport({ scale: 1 });
    const scale = size / Math.max(points.width, points.height);
    const viewport = page.getViewport({ scale });
    const canvas = createCanvas(Math.max(1, Math.round(viewport.width)), Math.max(1, Math.round(viewport.height)));
    // pdf.js draws on @napi-rs/canvas in Node; its types name the DOM canvas.
    const task = page.render({ canvas: canvas as unknown as RenderParameters['canvas'], viewport, background: 'white' });
    cancelRender = () => task.cancel();
    await task.promise;
    return {
      png: canvas.toBuffer('image/png'),
      pageCount: document.numPages,
      firstPage: { width: Math.round(points.width), height: Math.round(points.height), orientation: 1 },
    };
  } catch (error) {
    if (loadingTask.destroyed) throw new MediaError('timeout', `PDF rendering did not finish within ${timeoutMs} ms`, { cause: error });
    throw pdfError(error);
  } finally {
    clearTimeout(timer);
    await loadingTask.destroy();
  }
}

/** Number of pages, without rendering. */
export async function countPages(input: Uint8Array): Promise<number> {
  const document = await loadWithPdfLib(input);
  return damagedAsCorrupt(() => document.getPageCount());
}

/**
 * A new PDF holding pages `first`..`last` (1-based, inclusive) of `input`; `last` = 0 means
 * the last page. A range outside the document fails as MediaError 'bad-range'.
 */
export async function extractPages(input: Uint8Array, first: number, last: number): Promise<Buffer> {
  const source = await loadWithPdfLib(input);
  const pageCount = await damagedAsCorrupt(() => source.getPageCount());
  const end = last === 0 ? pageCount : last;
  if (!Number.isInteger(first) || !Number.isInteger(end) || first < 1 || end < first || end > pageCount) {
    throw new MediaError('bad-range', `page range ${first}-${last} is not within 1-${pageCount} (last 0 = last page)`);
  }
  const { PDFDocument } = await loadPdfLib();
  return damagedAsCorrupt(async () => {
    const target = await PDFDocument.create();
    const indices = Array.from({ length: end - first + 1 }, (_, i) => first - 1 + i);
    for (const page of await target.copyPages(source, indices)) target.addPage(page);
    return Buffer.from(await target.save());
  });
}

/**
 * pdf-lib loads damaged files leniently and fails later, reading the structure it could not find
 * (a TypeError on a missing page tree): such a file is corrupt, not a server fault.
 */
async function damagedAsCorrupt<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof MediaError) throw error;
    throw new MediaError('corrupt', `PDF cannot be read: ${reasonOf(error)}`, { cause: error });
  }
}

async function loadWithPdfLib(input: Uint8Array): Promise<PDFDocument> {
  const { EncryptedPDFError, PDFDocument } = await loadPdfLib();
  try {
    return await PDFDocument.load(input, { updateMetadata: false });
  } catch (error) {
    if (error instanceof EncryptedPDFError) throw new MediaError('unsupported', 'password-protected PDF', { cause: error });
    throw new MediaError('corrupt', `PDF cannot be parsed: ${reasonOf(error)}`, { cause: error });
  }
}

function pdfError(error: unknown): MediaError {
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') return new MediaError('unsupported', 'password-protected PDF', { cause: error });
  return new MediaError('corrupt', `PDF cannot be rendered: ${reasonOf(error)}`, { cause: error });
}
