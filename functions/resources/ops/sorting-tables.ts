import { requireReadableBelonging } from '../../../shared/access/belongings.js';
import type { Principal } from '../../../shared/auth/principal.js';
import { defineOperation } from '../../../shared/registry/types.js';
import { guardResourceAccess } from '../../../shared/access/revocations.js';
import { formatBelonging, parseBelonging } from '../../../shared/resources/belonging.js';
import { belongingOffsetPage } from '../../../shared/resources/listing.js';
import { toClientResource } from '../../../shared/resources/model.js';
import { empty, idsRequest, idsResponse, roomIdRequest, roomIdsRequest, roomIdsResponse, sortingTableContent, sortingTableGetRequest } from '../schemas.js';
import { requireRoomTableManager, restoreResources, trashAll, trashResources } from '../trash.js';

const family = 'resources';
const userTable = (userId: string) => `userSortingTable:${userId}`;

export const sortingTableGet = defineOperation<{ offset: number; size: number; subscribe?: boolean }, unknown>({
  name: 'sortingTable:get',
  family,
  summary: "The caller's sorting table by offset, newest first",
  description:
    "subscribe: true also joins the socket to belonging:userSortingTable:{userId} (resource:addedToBelonging / deletedFromBelonging); the sortingTable:* events reach the user channel, which every authenticated socket is in.",
  bindings: { websocket: 'sortingTable:get' },
  auth: 'required',
  permission: 'authenticated user (own sorting table)',
  request: sortingTableGetRequest,
  response: sortingTableContent,
  handler: async (ctx, input) => {
    const table = userTable(ctx.principal.userId);
    const docs = await belongingOffsetPage(parseBelonging(table), input.offset, input.size);
    if (input.subscribe) ctx.channels.join(`belonging:${table}`);
    return { content: docs.map(toClientResource) };
  },
});

export const sortingTableDeleteAll = defineOperation<Record<string, never>, unknown>({
  name: 'sortingTable:deleteAllResources',
  family,
  summary: "Move everything in the caller's sorting table to the trashcan",
  bindings: { websocket: 'sortingTable:deleteAllResources' },
  auth: 'required',
  permission: 'authenticated user (own sorting table)',
  request: empty,
  response: empty,
  handler: async (ctx) => {
    await guardResourceAccess(ctx, [], (guarded) => trashAll(guarded, userTable(ctx.principal.userId)));
    return {};
  },
});

export const sortingTableDelete = defineOperation<{ resources: string[] }, unknown>({
  name: 'sortingTable:deleteResources',
  family,
  summary: "Move resources of the caller's sorting table (or its directories) to the trashcan",
  bindings: { websocket: 'sortingTable:deleteResources' },
  auth: 'required',
  permission: 'authenticated user (own sorting table)',
  request: idsRequest,
  response: idsResponse,
  handler: async (ctx, input) => ({ resources: await guardResourceAccess(ctx, input.resources, (guarded) => trashResources(guarded, input.resources, userTable(ctx.principal.userId))) }),
});

export const sortingTableRestore = defineOperation<{ resources: string[] }, unknown>({
  name: 'sortingTable:restoreResources',
  family,
  summary: "Put resources deleted from the caller's sorting table back exactly where they were",
  bindings: { websocket: 'sortingTable:restoreResources' },
  auth: 'required',
  permission: 'authenticated user (own sorting table)',
  request: idsRequest,
  response: idsResponse,
  handler: async (ctx, input) => ({ resources: await restoreResources(ctx, input.resources, userTable(ctx.principal.userId)) }),
});

/** `roomSortingTable:{room}` once the caller may read it (members): owners and members act on it, trash rules decide which resources. */
const readableRoomTable = async (principal: Principal, room: string): Promise<string> =>
  formatBelonging((await requireReadableBelonging(principal, `roomSortingTable:${room}`)).belonging);

export const roomTableDeleteAll = defineOperation<{ roomId: string }, unknown>({
  name: 'room:deleteAllResourcesFromSortingTable',
  family,
  summary: 'Move everything in a room sorting table to the trashcans of its owners',
  bindings: { websocket: 'room:deleteAllResourcesFromSortingTable' },
  auth: 'required',
  permission: 'room owner',
  request: roomIdRequest,
  response: empty,
  handler: async (ctx, input) => {
    const table = await requireRoomTableManager(ctx.principal, input.roomId);
    await guardResourceAccess(ctx, [], (guarded) => trashAll(guarded, table));
    return {};
  },
});

export const roomTableDelete = defineOperation<{ room: string; resources: string[] }, unknown>({
  name: 'room:deleteResourcesFromSortingTable',
  family,
  summary: 'Move resources of a room sorting table to the trashcans of their owners',
  bindings: { websocket: 'room:deleteResourcesFromSortingTable' },
  auth: 'required',
  permission: 'room member: own resources; room owner: any',
  request: roomIdsRequest,
  response: roomIdsResponse,
  handler: async (ctx, input) => {
    const table = await readableRoomTable(ctx.principal, input.room);
    return { room: input.room, resources: await guardResourceAccess(ctx, input.resources, (guarded) => trashResources(guarded, input.resources, table)) };
  },
});

export const roomTableRestore = defineOperation<{ room: string; resources: string[] }, unknown>({
  name: 'room:restoreResourcesToSortingTable',
  family,
  summary: 'Put resources deleted from a room sorting table back exactly where they were',
  bindings: { websocket: 'room:restoreResourcesToSortingTable' },
  auth: 'required',
  permission: 'room member: own resources; room owner: any',
  request: roomIdsRequest,
  response: roomIdsResponse,
  handler: async (ctx, input) => {
    return { room: input.room, resources: await restoreResources(ctx, input.resources, await readableRoomTable(ctx.principal, input.room)) };
  },
});

export const sortingTableOperations = [
  sortingTableGet,
  sortingTableDeleteAll,
  sortingTableDelete,
  sortingTableRestore,
  roomTableDeleteAll,
  roomTableDelete,
  roomTableRestore,
];
