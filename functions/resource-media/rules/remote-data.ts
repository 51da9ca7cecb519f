import type { ResourceData } from '../../../shared/resources/model.js';

/** Drops undefined members, so stored maps hold only what is known. */
export function defined<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The seed's per-source data structures; other sources keep only metadata.origin. */
export function sourceData(input: { source?: string; sourceId?: string; sourceLink?: string }): ResourceData {
  const { source, sourceId, sourceLink } = input;
  switch (source?.toLowerCase()) {
    case 'pixabay':
      return { pixabay: defined({ id: sourceId, pageUrl: sourceLink }) };
    case 'pinterest':
      return { pinterest: defined({ pin: sourceId, url: sourceLink }) };
    case 'facebook':
      return { facebook: defined({ id: sourceId }) };
    default:
      return {};
  }
}
