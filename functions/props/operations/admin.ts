import { emitMoves } from '../../../shared/resources/change-events.js';
import { operation } from '../../../shared/registry/define.js';
import { emitPropChanged, emitPropEvent } from '../events.js';
import { asOwner } from '../../../shared/access/props.js';
import { MANAGE } from '../rules/permissions.js';
import { emptyResponse } from '../schemas/common.js';
import { createPropRequest, propFieldNames, propRequest, propResponse, updatePropRequest, type PropFields } from '../schemas/prop.js';
import { deletePropReturningContent } from '../store/content.js';
import { createProp as storeProp, upsertProp } from '../store/props.js';
import { toClientProp } from '../views.js';

/** The prop fields a request sets (the schema has already refused any other). */
const fieldsOf = (input: PropFields): PropFields =>
  Object.fromEntries(propFieldNames.filter((name) => input[name] !== undefined).map((name) => [name, input[name]]));

export const createProp = operation({
  name: 'prop.createProp',
  extension: true,
  summary: 'Create a prop in a room with any fields of the prop model (extension of seed 001); 409 when the id is taken',
  permission: MANAGE,
  request: createPropRequest,
  response: propResponse,
}).handle(async (ctx, input) => {
  const { room } = await asOwner(ctx.principal, input.roomId);
  const prop = toClientProp(await storeProp(input.roomId, input.propId, fieldsOf(input)), room.name);
  emitPropChanged(ctx.events, 'created', { ...prop, roomId: input.roomId });
  return { prop };
});

export const updateProp = operation({
  name: 'prop.updateProp',
  summary: 'Update any fields of a prop (seed 001 names title and description); a prop not stored yet is created with them',
  permission: MANAGE,
  request: updatePropRequest,
  response: emptyResponse,
}).handle(async (ctx, input) => {
  const { room } = await asOwner(ctx.principal, input.roomId);
  const { prop, created } = await upsertProp(input.roomId, input.propId, fieldsOf(input));
  emitPropChanged(ctx.events, created ? 'created' : 'updated', { ...toClientProp(prop, room.name), roomId: input.roomId });
  return {};
});

export const deleteProp = operation({
  name: 'prop.deleteProp',
  extension: true,
  summary: 'Delete a prop; its content goes back to the room sorting table in the same commit (extension of seed 001)',
  permission: MANAGE,
  request: propRequest,
  response: emptyResponse,
}).handle(async (ctx, input) => {
  await asOwner(ctx.principal, input.roomId);
  emitMoves(ctx.events, await deletePropReturningContent(input.roomId, input.propId));
  emitPropEvent(ctx.events, 'deleted', input.roomId, input.propId);
  return {};
});
