import type { Principal } from '../../shared/auth/principal.js';
import { defineOperation } from '../../shared/registry/types.js';
import { emitMoves } from '../../shared/resources/change-events.js';
import { toClientResource } from '../../shared/resources/model.js';
import { getRoomForMember, getRoomForOwner } from '../../shared/rooms/access.js';
import { firestore } from '../../shared/gcp/clients.js';
import {
  changeContentRequest,
  contentRequest,
  contentResponse,
  emptyResponse,
  positionRequest,
  propRequest,
  propResponse,
  updatePropRequest,
} from './schemas.js';
import { changeContent, moveToPosition, propRef, readContent, readProp, requireProp, sortContent, type PropRecord } from './store.js';

const family = 'props';
const manage = 'prop.manage /networkId/roomId/propId (owners of the room)';
const read = 'membership of the room';

interface Target {
  roomId: string;
  propId: string;
}

/** Members read; rooms a caller is not in answer as if they did not exist. */
const asMember = (p: Principal, roomId: string) => getRoomForMember(roomId, p.userId, { hideFromNonMembers: true });
/** Owners manage: 404 to non-members, 403 to members who are not owners. */
const asOwner = (p: Principal, roomId: string) => getRoomForOwner(roomId, p.userId, { hideFromNonMembers: true });

function toClientProp(prop: PropRecord, roomTitle: string): Record<string, unknown> {
  const { contentUpdated: _contentUpdated, ...answered } = prop;
  return { ...answered, roomTitle };
}

export const getPropModel = defineOperation<Target, unknown>({
  name: 'prop.getPropModel',
  family,
  summary: 'Get the model of a prop standing in a room',
  bindings: { jsonRpc: '/jsonRpc/prop.getPropModel' },
  auth: 'required',
  permission: read,
  request: propRequest,
  response: propResponse,
  handler: async (ctx, input) => {
    const { room } = await asMember(ctx.principal, input.roomId);
    return { prop: toClientProp(await requireProp(input.roomId, input.propId), room.name) };
  },
});

export const getPropContent = defineOperation<Target & { offset: number; size: number }, unknown>({
  name: 'prop.getPropContent',
  family,
  summary: 'Get a page of the resources a prop shows, in the prop\'s order or its content sorting',
  bindings: { jsonRpc: '/jsonRpc/prop.getPropContent' },
  auth: 'required',
  permission: read,
  request: contentRequest,
  response: contentResponse,
  handler: async (ctx, input) => {
    await asMember(ctx.principal, input.roomId);
    const prop = await requireProp(input.roomId, input.propId);
    const all = sortContent(prop, await readContent(input.roomId, input.propId));
    return {
      content: all.slice(input.offset, input.offset + input.size).map(toClientResource),
      counts: {
        logoCount: all.filter((r) => r.category === 'logo').length,
        thumbnailCount: all.filter((r) => Boolean(r.thumbnail)).length,
      },
    };
  },
});

export const changePropContent = defineOperation<Target & { appendToListEnd?: boolean; moveToProp?: string[]; removeFromProp?: string[] }, unknown>({
  name: 'prop.changePropContent',
  family,
  summary: 'Move resources into a prop (end or start of its list) and out of it (back to the room sorting table)',
  bindings: { jsonRpc: '/jsonRpc/prop.changePropContent' },
  auth: 'required',
  permission: manage,
  request: changeContentRequest,
  response: emptyResponse,
  handler: async (ctx, input) => {
    await asOwner(ctx.principal, input.roomId);
    const moves = await changeContent(ctx.principal, input.roomId, input.propId, input.moveToProp ?? [], input.removeFromProp ?? [], input.appendToListEnd);
    emitMoves(ctx.events, moves);
    return {};
  },
});

export const changeResourcePosition = defineOperation<Target & { resource: string; position: number }, unknown>({
  name: 'prop.changeResourcePosition',
  family,
  summary: 'Move one resource of a prop to an index of its list (one document write)',
  bindings: { jsonRpc: '/jsonRpc/prop.changeResourcePosition' },
  auth: 'required',
  permission: manage,
  request: positionRequest,
  response: emptyResponse,
  handler: async (ctx, input) => {
    await asOwner(ctx.principal, input.roomId);
    await moveToPosition(input.roomId, input.propId, input.resource, input.position, ctx.events);
    return {};
  },
});

export const updateProp = defineOperation<Target & { title?: string; description?: string }, unknown>({
  name: 'prop.updateProp',
  family,
  summary: 'Update a prop\'s title and description (a prop not stored yet is created with them)',
  bindings: { jsonRpc: '/jsonRpc/prop.updateProp' },
  auth: 'required',
  permission: manage,
  request: updatePropRequest,
  response: emptyResponse,
  handler: async (ctx, input) => {
    await asOwner(ctx.principal, input.roomId);
    const ref = propRef(input.roomId, input.propId);
    await firestore().runTransaction(async (tx) => {
      const existing = await readProp(input.roomId, input.propId, tx);
      const now = Date.now();
      const changes = { ...(input.title !== undefined && { title: input.title }), ...(input.description !== undefined && { description: input.description }), updated: now };
      if (existing) tx.update(ref, changes);
      else tx.create(ref, { id: input.propId, roomId: input.roomId, created: now, contentSorting: { type: 'default', direction: 'asc' }, contentAppend: 'end', ...changes });
    });
    return {};
  },
});
