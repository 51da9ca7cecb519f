import type { Principal } from '../../shared/auth/principal.js';
import { canReadResource } from '../../shared/access/resources.js';
import { loadResource } from '../../shared/resources/repository.js';

/** An avatar is a photo: an image resource the caller may read. */
export async function mayReadResourceForAvatar(principal: Principal, id: string): Promise<boolean> {
  const doc = await loadResource(id);
  if (!doc || !canReadResource(principal, doc)) return false;
  const type = (doc.metadata as { contentType?: string } | undefined)?.contentType;
  return type === undefined || type.startsWith('image/');
}
