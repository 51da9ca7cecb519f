import { DEFAULT_PRIVACY } from '../../shared/access/privacy.js';
import type { RessourceDoc } from './access.js';

/**
 * The seed 004 view of a resource. `owner` is the user who published it; a ressource a workspace
 * token published to its own workspace has no user owner, and answers only `workspace`.
 */
export function ressourceView(doc: RessourceDoc, workspaceId: string | undefined): Record<string, unknown> {
  const privacy = doc.privacy ?? DEFAULT_PRIVACY;
  return {
    id: doc.id,
    ...(doc.title !== undefined && { title: doc.title }),
    ...(doc.description !== undefined && { description: doc.description }),
    ...(doc.avatar && { avatar: doc.avatar }),
    ...(doc.ownerId !== workspaceId && { owner: doc.ownerId }),
    ...(workspaceId && { workspace: workspaceId }),
    privacy: { value: privacy.value, perms: privacy.perms, allow: privacy.allow, deny: privacy.deny },
    created_time: new Date(doc.created).toISOString(),
    updated_time: new Date(doc.updated).toISOString(),
  };
}
