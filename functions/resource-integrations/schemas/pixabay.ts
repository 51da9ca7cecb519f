import { int, request, required, str } from './common.js';

/** Pixabay refuses queries over 100 characters. */
export const pixabaySearchRequest = request({ q: { type: 'string', minLength: 1, maxLength: 100 } }, ['q']);

const hit = {
  type: 'object',
  additionalProperties: false,
  properties: {
    id: int,
    pageURL: str,
    type: str,
    tags: str,
    previewURL: str,
    previewWidth: int,
    previewHeight: int,
    webformatURL: str,
    webformatWidth: int,
    webformatHeight: int,
    largeImageURL: str,
    fullHDURL: str,
    imageURL: str,
    imageWidth: int,
    imageHeight: int,
    imageSize: int,
    views: int,
    downloads: int,
    favorites: int,
    likes: int,
    comments: int,
    user_id: int,
    user: str,
    userImageURL: str,
  },
} as const;

export const pixabaySearchAnswer = required({ total: int, totalHits: int, hits: { type: 'array', items: hit } });
