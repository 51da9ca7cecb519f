import type { Principal } from '../../shared/auth/principal.js';
import { mayReadResource } from '../../shared/access/resources.js';
import type { ResourceDoc } from '../../shared/resources/model.js';
import { loadResource } from '../../shared/resources/repository.js';
import { workspaceOf } from './access.js';

const isImage = (doc: ResourceDoc): boolean => {
  const type = (doc.metadata as { contentType?: string } | undefined)?.contentType;
  return type === undefined || type.startsWith('image/');
};

/**
 * A photo the caller may use (as an avatar, or attach to a ressource): an image resource (or one
 * whose bytes have not been identified yet) that a user may read, or, for a workspace token, one
 * attached to that workspace.
 */
export async function usablePhoto(principal: Principal, id: string): Promise<ResourceDoc | undefined> {
  const doc = await loadResource(id);
  if (!doc || doc.belongingType === 'trashcan' || doc.status === 'failed' || !isImage(doc)) return undefined;
  const allowed = principal.workspaceId ? (await workspaceOf(doc)) === principal.workspaceId : await mayReadResource(principal, doc);
  return allowed ? doc : undefined;
}

export async function mayReadResourceForAvatar(principal: Principal, id: string): Promise<boolean> {
  return (await usablePhoto(principal, id)) !== undefined;
}
