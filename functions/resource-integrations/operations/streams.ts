import { findStreamSources } from '../../../shared/integrations/streams/index.js';
import { operation } from '../../../shared/registry/define.js';
import { streamSourcesAnswer, streamSourcesRequest } from '../schemas/streams.js';

export const getStreamSources = operation({
  name: 'resource:getStreamSources',
  summary: 'Get stream sources',
  description:
    'Playable streams of a URL by quality, named as streamlink names them, with `best` and `worst`: the variants of an HLS master playlist (`hls`, each its own playlist URL), the representations of a DASH manifest (`dash`, all played from the manifest URL), a single HLS media playlist or a direct audio/video file (`live`). Site plugins (YouTube, Twitch, ...) are not available: any other URL answers 422 "no stream sources found".',
  permission: 'authenticated user',
  request: streamSourcesRequest,
  response: streamSourcesAnswer,
}).handle((_ctx, input) => findStreamSources(input.url));
