import { guardResourceAccess } from '../../../shared/access/revocations.js';
import { toClientResource } from '../../../shared/resources/model.js';
import { operation } from '../../../shared/registry/define.js';
import { asMember, asOwner } from '../../../shared/access/props.js';
import { MANAGE, READ } from '../rules/permissions.js';
import { emptyResponse } from '../schemas/common.js';
import { changeContentRequest, contentRequest, contentResponse, positionRequest } from '../schemas/content.js';
import { changeContent, moveToPosition, readContent, sortContent } from '../store/content.js';
import { requireProp } from '../store/props.js';

export const getPropContent = operation({
  name: 'prop.getPropContent',
  summary: "Get a page of the resources a prop shows, in the prop's order or its content sorting",
  permission: READ,
  request: contentRequest,
  response: contentResponse,
}).handle(async (ctx, input) => {
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
});

export const changePropContent = operation({
  name: 'prop.changePropContent',
  summary: 'Move resources into a prop (end or start of its list) and out of it (back to the room sorting table)',
  permission: MANAGE,
  request: changeContentRequest,
  response: emptyResponse,
}).handle(async (ctx, input) => {
  await asOwner(ctx.principal, input.roomId);
  const ids = [...(input.moveToProp ?? []), ...(input.removeFromProp ?? [])];
  await guardResourceAccess(ctx, ids, (guarded) =>
    changeContent(
      ctx.principal,
      input.roomId,
      input.propId,
      input.moveToProp ?? [],
      input.removeFromProp ?? [],
      input.appendToListEnd,
      guarded.events,
    ),
  );
  return {};
});

export const changeResourcePosition = operation({
  name: 'prop.changeResourcePosition',
  summary: 'Move one resource of a prop to an index of its list (one document write)',
  permission: MANAGE,
  request: positionRequest,
  response: emptyResponse,
}).handle(async (ctx, input) => {
  await asOwner(ctx.principal, input.roomId);
  await moveToPosition(input.roomId, input.propId, input.resource, input.position, ctx.events);
  return {};
});
