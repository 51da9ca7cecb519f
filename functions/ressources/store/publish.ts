import { mayReadResourceForAvatar, MANAGE_SCOPE, requireScope } from '../../../shared/access/ressources.js';
import { createUploadTarget } from '../../../shared/content/upload-target.js';
import { badRequest } from '../../../shared/errors/api-error.js';
import type { OperationContext } from '../../../shared/registry/types.js';
import { parseBelonging } from '../../../shared/resources/belonging.js';
import { insertResources, type ResourceDraft } from '../../../shared/resources/insert.js';
import type { Privacy } from '../../../shared/access/privacy.js';
import { publishDestination, type Audience } from '../rules/audiences.js';
import { checkedPlacement } from '../rules/placement.js';
import { ressourceView } from '../views.js';

export interface PublishInput {
  title?: string;
  description?: string;
  avatar?: string;
  privacy?: Privacy;
}

/**
 * Publishes a new ressource (a resource waiting for its bytes, as resource creation makes) and
 * answers it with the resumable upload session its bytes go to.
 */
export async function publishRessource(ctx: OperationContext, audience: Audience, input: PublishInput) {
  requireScope(ctx.principal, MANAGE_SCOPE);
  const target = await publishDestination(ctx.principal, audience);
  if (input.avatar && !(await mayReadResourceForAvatar(ctx.principal, input.avatar)))
    throw badRequest(`avatar ${input.avatar} is not a photo you may use`);
  const draft = {
    ...(input.title !== undefined && { title: input.title }),
    ...(input.description !== undefined && { description: input.description }),
    ...(input.avatar && { avatar: input.avatar }),
    ...(input.privacy && { privacy: input.privacy }),
  } as ResourceDraft;
  const [doc] = await insertResources(ctx.events, ctx.principal, checkedPlacement(parseBelonging(target.belonging), target.networkId), [
    draft,
  ]);
  const upload = await createUploadTarget(doc);
  return { ...ressourceView(doc, target.workspaceId), upload };
}
