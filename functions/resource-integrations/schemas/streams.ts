import { request, required, str, urlSchema } from './common.js';

export const streamSourcesRequest = request({ url: urlSchema }, ['url']);

export const streamSourcesAnswer = {
  ...required({
    streams: { type: 'object', minProperties: 1, additionalProperties: required({ type: { enum: ['hls', 'dash', 'http'] }, url: str }) },
    plugin: str,
  }),
  additionalProperties: false,
} as const;
