import { renderFirstPage } from '../../../shared/media/index.js';
import type { Area } from '../rules/preview-params.js';

/**
 * The first page of a PDF rendered large enough to cover `area`, for a thumbnail to crop. The
 * page's shape is known only once rendered: when the first render is too small on one side, the
 * page is rendered again at the size that covers it.
 */
export async function firstPageCovering(pdf: Buffer, { width, height }: Area): Promise<Buffer> {
  const first = await renderFirstPage(pdf, { size: Math.max(width, height) });
  const page = first.firstPage;
  const needed = Math.ceil(Math.max(width / page.width, height / page.height) * Math.max(page.width, page.height));
  if (needed <= Math.max(width, height)) return first.png;
  return (await renderFirstPage(pdf, { size: needed })).png;
}
