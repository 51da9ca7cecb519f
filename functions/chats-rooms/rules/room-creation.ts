import { badRequest } from '../../../shared/errors/api-error.js';
import type { RoomType } from '../../../shared/rooms/model.js';

export interface RoomCreationRequest {
  type: RoomType;
  name?: string;
  description?: string;
  parentId?: string;
  membersIds?: string[];
}

/** What to create once the request passed the rules that need no stored state. */
export interface RoomCreationPlan {
  type: RoomType;
  name: string;
  description: string;
  parentId?: string;
  /** Members besides the requester, who always joins as owner. */
  invitedIds: string[];
  /** one_to_one rooms belong to both users equally. */
  invitedAreOwners: boolean;
}

/**
 * Checks the rules of a room creation that depend only on the request, in the order its reference
 * system checks them (seed 003): names by type, duplicated members, the requester among them,
 * parentId, then each type's own rules. Stored-state rules (one_to_one uniqueness, the channel's
 * workspace, invitees being known users) are checked in the creating transaction.
 */
export function planRoomCreation(request: RoomCreationRequest, requesterId: string, maxMembers: number): RoomCreationPlan {
  const invitedIds = request.membersIds ?? [];
  if (request.type === 'one_to_one' && (request.name !== undefined || request.description !== undefined)) {
    throw badRequest('a one_to_one room has no name or description');
  }
  if ((request.type === 'group' || request.type === 'temporary') && request.name === undefined) {
    throw badRequest(`name is required for ${request.type} rooms`);
  }
  if (new Set(invitedIds).size !== invitedIds.length) throw badRequest('membersIds contains duplicated members');
  if (invitedIds.includes(requesterId)) throw badRequest('membersIds must not contain the requester, who joins the room anyway');
  if (request.parentId !== undefined && request.type !== 'channel') throw badRequest('parentId is only allowed for channels');

  const texts = { name: request.name ?? '', description: request.description ?? '' };
  const withinLimit = () => {
    if (invitedIds.length + 1 > maxMembers) {
      throw badRequest(`too many members: a ${request.type} room has at most ${maxMembers} members, its creator included`);
    }
  };

  switch (request.type) {
    case 'one_to_one':
      if (invitedIds.length !== 1) throw badRequest('a one_to_one room needs exactly one other member in membersIds');
      return { type: 'one_to_one', ...texts, invitedIds, invitedAreOwners: true };
    case 'group':
    case 'workspace':
      if (invitedIds.length < 2) throw badRequest(`a ${request.type} room needs at least two other members in membersIds`);
      withinLimit();
      return { type: request.type, ...texts, invitedIds, invitedAreOwners: false };
    case 'channel':
      if (invitedIds.length > 0) throw badRequest('a channel takes no membersIds: it shares the members of its workspace');
      if (request.parentId === undefined) throw badRequest('a channel needs parentId, the id of its workspace');
      return { type: 'channel', ...texts, parentId: request.parentId, invitedIds, invitedAreOwners: false };
    case 'temporary':
      withinLimit();
      return { type: 'temporary', ...texts, invitedIds, invitedAreOwners: false };
  }
}
