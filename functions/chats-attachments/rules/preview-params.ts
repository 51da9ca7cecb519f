import { envInt } from '../../../shared/config.js';
import { badRequest } from '../../../shared/errors/api-error.js';
import { anyCaseEnumValue } from '../../../shared/validation/any-case-enum.js';

export const qualities = ['Lowest', 'Low', 'Medium', 'High', 'Highest'] as const;
export type Quality = (typeof qualities)[number];
export const outputFormats = ['Jpeg', 'Png', 'Gif'] as const;
export type OutputFormat = (typeof outputFormats)[number];
export const shapes = ['Rounded', 'Rectangular'] as const;
export type Shape = (typeof shapes)[number];

export interface Area {
  /** 0: follow the height, keeping the proportions. */
  width: number;
  /** 0: follow the width, keeping the proportions. */
  height: number;
}

/** Parses a `WxH` area (width first); each side from 0 to CHATS_PREVIEW_MAX_SIDE. */
export function parseArea(area: string): Area {
  const match = /^(\d{1,6})x(\d{1,6})$/.exec(area);
  if (!match) throw badRequest(`area must be WIDTHxHEIGHT in pixels, e.g. 320x240; got "${area}"`);
  const [width, height] = [Number(match[1]), Number(match[2])];
  const maxSide = envInt('CHATS_PREVIEW_MAX_SIDE');
  if (width > maxSide || height > maxSide) throw badRequest(`area sides must be at most ${maxSide} pixels`);
  return { width, height };
}

/** A thumbnail's area: a side of 0 takes the other side's length; 0x0 is 400. */
export function parseThumbnailArea(area: string): { width: number; height: number } {
  const { width, height } = parseArea(area);
  if (width === 0 && height === 0) throw badRequest('a thumbnail needs an area larger than 0x0');
  return { width: width || height, height: height || width };
}

export const contentTypes: Record<OutputFormat, string> = { Jpeg: 'image/jpeg', Png: 'image/png', Gif: 'image/gif' };

/** Encoder effort by quality: the higher, the better and the slower. */
export const jpegQuality: Record<Quality, number> = { Lowest: 20, Low: 40, Medium: 60, High: 80, Highest: 95 };
export const gifColours: Record<Quality, number> = { Lowest: 16, Low: 32, Medium: 64, High: 128, Highest: 256 };
export const pngPalette: Record<Quality, boolean> = { Lowest: true, Low: true, Medium: false, High: false, Highest: false };

/**
 * The reference declares `medium` (a quality) as the default of `output_format`; a client sending
 * that default gets the default format.
 */
const formatAliases: Record<string, OutputFormat> = { medium: 'Jpeg' };

export interface EncodingParameters {
  quality: string;
  output_format: string;
}

/** Quality and format from the query, in any letter case (400 naming the parameter otherwise). */
export function parseEncoding(input: EncodingParameters): { quality: Quality; format: OutputFormat } {
  return {
    quality: anyCaseEnumValue(qualities, input.quality, 'quality'),
    format: anyCaseEnumValue(outputFormats, input.output_format, 'output_format', formatAliases),
  };
}

export const parseShape = (shape: string): Shape => anyCaseEnumValue(shapes, shape, 'shape');
