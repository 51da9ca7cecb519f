import { operation } from '../../../shared/registry/define.js';
import { asMember, asOwner } from '../../../shared/access/props.js';
import { MANAGE, READ } from '../rules/permissions.js';
import { listPropsRequest, listPropsResponse, propRequest, propResponse } from '../schemas/prop.js';
import { listRoomProps, requireProp } from '../store/props.js';
import { toClientProp } from '../views.js';

export const getPropModel = operation({
  name: 'prop.getPropModel',
  summary: 'Get the model of a prop standing in a room',
  permission: READ,
  request: propRequest,
  response: propResponse,
}).handle(async (ctx, input) => {
  const { room } = await asMember(ctx.principal, input.roomId);
  return { prop: toClientProp(await requireProp(input.roomId, input.propId), room.name) };
});

export const listProps = operation({
  name: 'prop.listProps',
  extension: true,
  summary: 'List the props of a room, oldest first, a page at a time (extension of seed 001)',
  permission: MANAGE,
  request: listPropsRequest,
  response: listPropsResponse,
}).handle(async (ctx, input) => {
  const { room } = await asOwner(ctx.principal, input.roomId);
  const { props, total } = await listRoomProps(input.roomId, input.offset, input.size);
  return { props: props.map((prop) => toClientProp(prop, room.name)), total };
});
