/**
 * The heavy media libraries, loaded on first use rather than at import: a function that never
 * decodes an image, a PDF or audio does not pay for them at cold start.
 */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => (loaded ??= load());
}

export const loadSharp = once(async () => (await import('sharp')).default);
export const loadPdfjs = once(() => import('pdfjs-dist/legacy/build/pdf.mjs'));
export const loadCanvas = once(() => import('@napi-rs/canvas'));
export const loadPdfLib = once(() => import('pdf-lib'));
export const loadMusicMetadata = once(() => import('music-metadata'));
export const loadFileType = once(() => import('file-type'));
