import { getAttachmentForMember } from '../../../shared/access/attachments.js';
import { contentDisposition } from '../../../shared/http-headers/content-disposition.js';
import { extractPages } from '../../../shared/media/index.js';
import { operation } from '../../../shared/registry/define.js';
import { results } from '../../../shared/registry/types.js';
import { anyCaseEnum } from '../../../shared/validation/any-case-enum.js';
import { imagePreview, thumbnail, type EncodeOptions } from '../previews/image.js';
import { firstPageCovering } from '../previews/pdf-page.js';
import { previewStep } from '../rules/media-failure.js';
import {
  contentTypes,
  outputFormats,
  parseArea,
  parseEncoding,
  parseShape,
  parseThumbnailArea,
  qualities,
  shapes,
  type EncodingParameters,
  type OutputFormat,
  type Shape,
} from '../rules/preview-params.js';
import { uuid } from '../schemas/common.js';
import { cachedPreview } from '../store/preview-cache.js';
import { imageSource, pdfSource } from '../store/preview-source.js';

const imageParameters = {
  fileId: uuid,
  area: { type: 'string', maxLength: 32 },
  quality: anyCaseEnum(qualities, { default: 'Medium' }),
  output_format: anyCaseEnum(outputFormats, {
    default: 'Jpeg',
    description: `One of ${outputFormats.join(', ')}, in any letter case; \`medium\`, the default the reference declares, is Jpeg.`,
  }),
} as const;

/** The two thumbnail previews (image, first PDF page) take the same parameters. */
const thumbnailRequest = {
  type: 'object',
  properties: { ...imageParameters, shape: anyCaseEnum(shapes, { default: 'Rectangular' }) },
  required: ['fileId', 'area'],
} as const;

interface ThumbnailOptions extends EncodeOptions {
  shape: Shape;
}

function thumbnailOptions(input: EncodingParameters & { shape: string }): ThumbnailOptions {
  return { ...parseEncoding(input), shape: parseShape(input.shape) };
}

/** The cache name of a thumbnail rendering: every parameter that changes its bytes. */
const thumbnailVariant = (prefix: string, area: { width: number; height: number }, options: ThumbnailOptions) =>
  `${prefix}-${area.width}x${area.height}-${options.quality}-${options.format}-${options.shape}`;

function imageResult(bytes: Buffer, format: OutputFormat) {
  return results.binary(bytes, contentTypes[format], { 'content-length': String(bytes.length) });
}

type Area = ReturnType<typeof parseThumbnailArea>;

/**
 * A thumbnail of an attachment the caller's room holds, rendered once per set of parameters and
 * cached: `render` gets the attachment's id and makes the bytes.
 */
async function cachedThumbnail(
  userId: string,
  input: { fileId: string; area: string } & EncodingParameters & { shape: string },
  variantPrefix: string,
  render: (fileId: string, area: Area, options: ThumbnailOptions) => Promise<Buffer>,
) {
  const area = parseThumbnailArea(input.area);
  const options = thumbnailOptions(input);
  const { attachment } = await getAttachmentForMember(input.fileId, userId);
  const variant = thumbnailVariant(variantPrefix, area, options);
  const bytes = await cachedPreview(attachment.id, variant, contentTypes[options.format], () => render(attachment.id, area, options));
  return imageResult(bytes, options.format);
}

export const getImagePreview = operation({
  name: 'getImagePreview',
  summary: 'A preview of an image attachment of size `area` (WxH), at a quality and in a format (members only).',
  description:
    'With crop the image fills the area and loses its borders; without, it is scaled whole and borders fill the area. A side of 0 follows the other; 0x0 keeps the original size. Rendered previews are cached.',
  bindings: { http: [{ method: 'GET', path: '/preview/image/{fileId}/{area}/' }] },
  permission: "member of the attachment's room",
  produces: 'image/jpeg, image/png, image/gif',
  request: {
    type: 'object',
    properties: { ...imageParameters, crop: { type: 'boolean', default: false } },
    required: ['fileId', 'area'],
  },
  response: {},
}).handle(async (ctx, input) => {
  const area = parseArea(input.area);
  const options = parseEncoding(input);
  const { attachment } = await getAttachmentForMember(input.fileId, ctx.principal.userId);
  const variant = `image-${area.width}x${area.height}-${options.quality}-${options.format}-${input.crop ? 'crop' : 'fit'}`;
  const bytes = await cachedPreview(attachment.id, variant, contentTypes[options.format], async () => {
    const source = await imageSource(attachment.id);
    return previewStep('image', () => imagePreview(source, area, input.crop, options));
  });
  return imageResult(bytes, options.format);
});

export const getImageThumbnail = operation({
  name: 'getImageThumbnail',
  summary: 'A thumbnail of an image attachment filling `area` (WxH), Rounded or Rectangular (members only).',
  bindings: { http: [{ method: 'GET', path: '/preview/image/{fileId}/{area}/thumbnail' }] },
  permission: "member of the attachment's room",
  produces: 'image/jpeg, image/png, image/gif',
  request: thumbnailRequest,
  response: {},
}).handle(async (ctx, input) =>
  cachedThumbnail(ctx.principal.userId, input, 'thumbnail', async (fileId, area, options) => {
    const source = await imageSource(fileId);
    return previewStep('image', () => thumbnail(source, area, options.shape, options));
  }),
);

export const getPdfPreview = operation({
  name: 'getPdfPreview',
  summary: 'A PDF made of pages firstPage..lastPage of a PDF attachment (lastPage 0: the last page; members only).',
  bindings: { http: [{ method: 'GET', path: '/preview/pdf/{fileId}/' }] },
  permission: "member of the attachment's room",
  produces: 'application/pdf',
  responseHeaders: ['Content-Disposition'],
  request: {
    type: 'object',
    properties: {
      fileId: uuid,
      firstPage: { type: 'integer', minimum: 1, default: 1 },
      lastPage: { type: 'integer', minimum: 0, default: 0 },
    },
    required: ['fileId'],
  },
  response: {},
}).handle(async (ctx, input) => {
  const { attachment } = await getAttachmentForMember(input.fileId, ctx.principal.userId);
  const variant = `pdf-${input.firstPage}-${input.lastPage}`;
  const bytes = await cachedPreview(attachment.id, variant, 'application/pdf', async () => {
    const source = await pdfSource(attachment.id);
    return previewStep('PDF', () => extractPages(source, input.firstPage, input.lastPage));
  });
  return results.binary(bytes, 'application/pdf', {
    'content-length': String(bytes.length),
    'content-disposition': contentDisposition('inline', attachment.name),
  });
});

export const getPdfThumbnail = operation({
  name: 'getPdfThumbnail',
  summary: "A thumbnail of a PDF attachment's first page filling `area` (WxH), Rounded or Rectangular (members only).",
  bindings: { http: [{ method: 'GET', path: '/preview/pdf/{fileId}/{area}/thumbnail' }] },
  permission: "member of the attachment's room",
  produces: 'image/jpeg, image/png, image/gif',
  request: thumbnailRequest,
  response: {},
}).handle(async (ctx, input) =>
  cachedThumbnail(ctx.principal.userId, input, 'pdf-thumbnail', async (fileId, area, options) => {
    const source = await pdfSource(fileId);
    const page = await previewStep('PDF', () => firstPageCovering(source, area));
    return previewStep('PDF', () => thumbnail(page, area, options.shape, options));
  }),
);
