import type { ResourceDraft } from '../../../shared/resources/insert.js';
import { resourceInputSchema } from '../../../shared/resources/schema.js';

const CLIENT_FIELDS = Object.keys(resourceInputSchema.properties);

/** The fields a client may set on a new resource; `data.directory` is the server's (see resource:createDirectory). */
export function clientDraft(resource: Record<string, unknown> = {}): ResourceDraft {
  const draft: Record<string, unknown> = {};
  for (const key of CLIENT_FIELDS) if (resource[key] !== undefined) draft[key] = resource[key];
  if (draft.data && typeof draft.data === 'object') {
    const { directory: _directory, ...data } = draft.data as Record<string, unknown>;
    draft.data = data;
  }
  return draft as ResourceDraft;
}
