import type { Principal } from '../../shared/auth/principal.js';
import type { Privacy } from '../../shared/access/privacy.js';
import { createUploadTarget } from '../../shared/content/upload-target.js';
import { badRequest, forbidden, notFound } from '../../shared/errors/api-error.js';
import type { OperationContext } from '../../shared/registry/types.js';
import { parseBelonging } from '../../shared/resources/belonging.js';
import { insertResources, type ResourceDraft } from '../../shared/resources/insert.js';
import { readRoom } from '../../shared/rooms/repository.js';
import type { RoomRecord } from '../../shared/rooms/model.js';
import { MANAGE_SCOPE, requireScope, requireUserToken } from './access.js';
import { mayReadResourceForAvatar } from './avatar.js';
import { checkedPlacement } from './placement.js';
import { ressourceView } from './view.js';

export interface PublishInput {
  title?: string;
  description?: string;
  avatar?: string;
  privacy?: Privacy;
}

/** Where a ressource is published: the caller's sorting table, a workspace's room sorting table, or the network. */
export type Audience = { kind: 'user' } | { kind: 'workspace'; workspace?: string } | { kind: 'environment' };

/**
 * The workspace a ressource goes to: a chats room of type workspace, by one of its admins (room
 * owners; 403 for other members) or by a token pointing to it. A workspace the caller is not in,
 * or a room of another type, answers 404.
 */
export async function publishableWorkspace(principal: Principal, requested: string | undefined): Promise<RoomRecord> {
  if (principal.workspaceId && requested && requested !== principal.workspaceId) throw notFound('workspace');
  const id = principal.workspaceId ?? requested;
  if (!id) throw badRequest('workspace is required: the id of the workspace to publish to');
  const room = await readRoom(id);
  if (!room || room.type !== 'workspace') throw notFound('workspace');
  if (principal.workspaceId) return room;
  const member = room.members.find((m) => m.userId === principal.userId);
  if (!member) throw notFound('workspace');
  if (!member.owner) throw forbidden(`only admins of workspace ${id} may publish ressources to it`);
  return room;
}

async function destination(principal: Principal, audience: Audience): Promise<{ belonging: string; networkId: string; workspaceId?: string }> {
  switch (audience.kind) {
    case 'user':
      requireUserToken(principal, 'publishing to /user/ressources');
      return { belonging: `userSortingTable:${principal.userId}`, networkId: principal.networkId };
    case 'environment':
      requireUserToken(principal, 'publishing to /environment/ressources');
      return { belonging: `environment:${principal.networkId}`, networkId: principal.networkId };
    case 'workspace': {
      const room = await publishableWorkspace(principal, audience.workspace);
      return { belonging: `roomSortingTable:${room.id}`, networkId: room.networkId, workspaceId: room.id };
    }
  }
}

/**
 * Publishes a new ressource (a resource waiting for its bytes, as resource creation makes) and
 * answers it with the resumable upload session its bytes go to.
 */
export async function publishRessource(ctx: OperationContext, audience: Audience, input: PublishInput): Promise<Record<string, unknown>> {
  requireScope(ctx.principal, MANAGE_SCOPE);
  const target = await destination(ctx.principal, audience);
  if (input.avatar && !(await mayReadResourceForAvatar(ctx.principal, input.avatar))) throw badRequest(`avatar ${input.avatar} is not a photo you may use`);
  const draft = {
    ...(input.title !== undefined && { title: input.title }),
    ...(input.description !== undefined && { description: input.description }),
    ...(input.avatar && { avatar: input.avatar }),
    ...(input.privacy && { privacy: input.privacy }),
  } as ResourceDraft;
  const [doc] = await insertResources(ctx.events, ctx.principal, checkedPlacement(parseBelonging(target.belonging), target.networkId), [draft]);
  const upload = await createUploadTarget(doc);
  return { ...ressourceView(doc, target.workspaceId), upload };
}
