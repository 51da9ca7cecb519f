import { bool, request, str, urlSchema } from './common.js';

export const linkInfoRequest = request({ url: urlSchema }, ['url']);

export const linkInfoAnswer = {
  type: 'object',
  additionalProperties: false,
  required: ['url', 'isImage'],
  properties: { url: str, title: str, description: str, isImage: bool, thumbnail: str },
} as const;
