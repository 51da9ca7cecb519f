import { placementProperties } from '../../../shared/resources/placement.js';

const urlSchema = { type: 'string', minLength: 1, maxLength: 4096 } as const;
const text = <const N extends number>(max: N) => ({ type: 'string', maxLength: max }) as const;

export const remoteUrlRequest = {
  type: 'object',
  additionalProperties: false,
  required: ['url'],
  properties: { url: urlSchema, urlType: text(20), ...placementProperties },
} as const;

export const remoteImageRequest = {
  type: 'object',
  additionalProperties: false,
  required: ['url'],
  properties: { url: urlSchema, title: text(1000), source: text(100), sourceId: text(400), sourceLink: text(4096), ...placementProperties },
} as const;

export const generateAIImageRequest = {
  type: 'object',
  additionalProperties: false,
  required: ['prompt'],
  properties: {
    prompt: { type: 'string', minLength: 1, maxLength: 4000 },
    generationModel: { type: 'string', pattern: '^[A-Za-z0-9._:-]{1,100}$' },
    ...placementProperties,
  },
} as const;
