import { operation } from '../../../shared/registry/define.js';
import { guardResourceAccess } from '../../../shared/access/revocations.js';
import { parseBelonging } from '../../../shared/resources/belonging.js';
import { belongingOffsetPage } from '../../../shared/resources/listing.js';
import { toClientResource } from '../../../shared/resources/model.js';
import {
  empty,
  idsRequest,
  idsResponse,
  roomIdRequest,
  roomIdsRequest,
  roomIdsResponse,
  sortingTableContent,
  sortingTableGetRequest,
} from '../schemas/resource.js';
import { readableRoomTable, requireRoomTableManager } from '../../../shared/access/room-tables.js';
import { restoreResources, trashAll, trashResources } from '../../../shared/resources/trash.js';

const userTable = (userId: string) => `userSortingTable:${userId}`;

export const sortingTableGet = operation({
  name: 'sortingTable:get',
  summary: "The caller's sorting table by offset, newest first",
  description:
    'subscribe: true also joins the socket to belonging:userSortingTable:{userId} (resource:addedToBelonging / deletedFromBelonging); the sortingTable:* events reach the user channel, which every authenticated socket is in.',
  permission: 'authenticated user (own sorting table)',
  request: sortingTableGetRequest,
  response: sortingTableContent,
}).handle(async (ctx, input) => {
  const table = userTable(ctx.principal.userId);
  const docs = await belongingOffsetPage(parseBelonging(table), input.offset, input.size);
  if (input.subscribe) ctx.channels.join(`belonging:${table}`);
  return { content: docs.map(toClientResource) };
});

export const sortingTableDeleteAll = operation({
  name: 'sortingTable:deleteAllResources',
  summary: "Move everything in the caller's sorting table to the trashcan",
  permission: 'authenticated user (own sorting table)',
  request: empty,
  response: empty,
}).handle(async (ctx) => {
  await guardResourceAccess(ctx, [], (guarded) => trashAll(guarded, userTable(ctx.principal.userId)));
  return {};
});

export const sortingTableDelete = operation({
  name: 'sortingTable:deleteResources',
  summary: "Move resources of the caller's sorting table (or its directories) to the trashcan",
  permission: 'authenticated user (own sorting table)',
  request: idsRequest,
  response: idsResponse,
}).handle(async (ctx, input) => ({
  resources: await guardResourceAccess(ctx, input.resources, (guarded) =>
    trashResources(guarded, input.resources, userTable(ctx.principal.userId)),
  ),
}));

export const sortingTableRestore = operation({
  name: 'sortingTable:restoreResources',
  summary: "Put resources deleted from the caller's sorting table back exactly where they were",
  permission: 'authenticated user (own sorting table)',
  request: idsRequest,
  response: idsResponse,
}).handle(async (ctx, input) => ({ resources: await restoreResources(ctx, input.resources, userTable(ctx.principal.userId)) }));

export const roomTableDeleteAll = operation({
  name: 'room:deleteAllResourcesFromSortingTable',
  summary: 'Move everything in a room sorting table to the trashcans of its owners',
  permission: 'room owner',
  request: roomIdRequest,
  response: empty,
}).handle(async (ctx, input) => {
  const table = await requireRoomTableManager(ctx.principal, input.roomId);
  await guardResourceAccess(ctx, [], (guarded) => trashAll(guarded, table));
  return {};
});

export const roomTableDelete = operation({
  name: 'room:deleteResourcesFromSortingTable',
  summary: 'Move resources of a room sorting table to the trashcans of their owners',
  permission: 'room member: own resources; room owner: any',
  request: roomIdsRequest,
  response: roomIdsResponse,
}).handle(async (ctx, input) => {
  const table = await readableRoomTable(ctx.principal, input.room);
  return {
    room: input.room,
    resources: await guardResourceAccess(ctx, input.resources, (guarded) => trashResources(guarded, input.resources, table)),
  };
});

export const roomTableRestore = operation({
  name: 'room:restoreResourcesToSortingTable',
  summary: 'Put resources deleted from a room sorting table back exactly where they were',
  permission: 'room member: own resources; room owner: any',
  request: roomIdsRequest,
  response: roomIdsResponse,
}).handle(async (ctx, input) => {
  return { room: input.room, resources: await restoreResources(ctx, input.resources, await readableRoomTable(ctx.principal, input.room)) };
});
