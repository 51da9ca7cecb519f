import { operation } from '../../../shared/registry/define.js';
import { emitPropChanged } from '../events.js';
import { asOwner } from '../../../shared/access/props.js';
import { MANAGE } from '../rules/permissions.js';
import { emptyResponse } from '../schemas/common.js';
import { createPropRequest, propFieldNames, propRequest, propResponse, updatePropRequest, type PropFields } from '../schemas/prop.js';
import { deletePropReturningContent } from '../store/content.js';
import { createProp as storeProp, upsertProp, type PropAnnouncement } from '../store/props.js';
import { toClientProp } from '../views.js';

/** The prop fields a request sets (the schema has already refused any other). */
const fieldsOf = (input: PropFields): PropFields =>
  Object.fromEntries(propFieldNames.filter((name) => input[name] !== undefined).map((name) => [name, input[name]]));

/** `prop:created` or `prop:updated` with the prop as clients see it, in the room's channel. */
const announce =
  (roomTitle: string): PropAnnouncement =>
  (events, prop, created) =>
    emitPropChanged(events, created ? 'created' : 'updated', { ...toClientProp(prop, roomTitle), roomId: prop.roomId });

export const createProp = operation({
  name: 'prop.createProp',
  extension: true,
  summary: 'Create a prop in a room with any fields of the prop model (extension of seed 001); 409 when the id is taken',
  permission: MANAGE,
  request: createPropRequest,
  response: propResponse,
}).handle(async (ctx, input) => {
  const { room } = await asOwner(ctx.principal, input.roomId);
  const stored = await storeProp(input.roomId, input.propId, fieldsOf(input), ctx.events, announce(room.name));
  return { prop: toClientProp(stored, room.name) };
});

export const updateProp = operation({
  name: 'prop.updateProp',
  summary: 'Update any fields of a prop (seed 001 names title and description); a prop not stored yet is created with them',
  permission: MANAGE,
  request: updatePropRequest,
  response: emptyResponse,
}).handle(async (ctx, input) => {
  const { room } = await asOwner(ctx.principal, input.roomId);
  await upsertProp(input.roomId, input.propId, fieldsOf(input), ctx.events, announce(room.name));
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
  await deletePropReturningContent(input.roomId, input.propId, ctx.events);
  return {};
});
