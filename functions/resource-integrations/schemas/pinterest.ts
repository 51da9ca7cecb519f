import { int, placementProperties, request, required, str } from './common.js';

const pinId = { type: 'string', pattern: '^[0-9]{1,30}$' } as const;
const image = required({ url: str, width: int, height: int });

export const pinterestResult = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'type', 'title', 'link', 'description', 'images'],
  properties: {
    id: str,
    type: str,
    title: str,
    link: str,
    description: str,
    images: { type: 'object', additionalProperties: false, properties: { '736x': image, '474x': image, '236x': image, orig: image } },
    rich_summary: required({ display_name: str }),
  },
} as const;

export const pinterestSearchRequest = request(
  { keywords: { type: 'array', minItems: 1, maxItems: 20, items: { type: 'string', minLength: 1, maxLength: 100, pattern: '\\S' } } },
  ['keywords'],
);
export const pinterestInfoRequest = request({ id: pinId }, ['id']);
export const pinterestCreateRequest = request({ pin: pinId, ...placementProperties }, ['pin']);

export const pinterestSearchAnswer = required({ results: { type: 'array', items: pinterestResult } });
export const pinterestInfoAnswer = required({ result: pinterestResult });
