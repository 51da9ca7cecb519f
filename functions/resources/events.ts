import { event } from '../../shared/registry/define.js';
import type { JsonSchema } from '../../shared/registry/types.js';
import { resourceSchema } from '../../shared/resources/schema.js';

const ids = { type: 'array', items: { type: 'string' } } as const;
const list = { type: 'array', items: resourceSchema } as const;
const payload = (properties: Record<string, JsonSchema>): JsonSchema => ({ type: 'object', required: Object.keys(properties), properties });

export const resourceEvents = [
  event({
    name: 'sortingTable:addResources',
    channel: 'user',
    summary: 'Resources added to the user sorting table',
    payload: payload({ resources: list }),
  }),
  event({
    name: 'sortingTable:deleteResources',
    channel: 'user',
    summary: 'Resources deleted from the user sorting table',
    payload: payload({ resources: ids }),
  }),
  event({
    name: 'sortingTable:addResourcesToDirectory',
    channel: 'user',
    summary: 'Resources added to a directory in the user sorting table',
    payload: payload({ directoryId: { type: 'string' }, resources: list }),
  }),
  event({
    name: 'sortingTable:deleteResourcesFromDirectory',
    channel: 'user',
    summary: 'Resources deleted from a directory in the user sorting table',
    payload: payload({ directoryId: { type: 'string' }, resourceIds: ids }),
  }),
  event({
    name: 'resource:addedToUploadSession',
    channel: 'user',
    summary: 'Resources added to an upload session',
    payload: payload({ resources: list }),
  }),
  event({
    name: 'resource:deletedFromUploadSession',
    channel: 'user',
    summary: 'Resources deleted from an upload session',
    payload: payload({ resources: ids }),
  }),
  event({
    name: 'sortingTable:resourceUpdated',
    channel: 'user',
    summary: 'A resource of the user sorting table was updated',
    payload: payload({ resource: resourceSchema }),
  }),
  event({
    name: 'resource:addedToBelonging',
    channel: 'belonging',
    summary: 'Resources added to a belonging (directory, community, ...)',
    payload: payload({ belonging: { type: 'string' }, resources: list }),
  }),
  event({
    name: 'resource:deletedFromBelonging',
    channel: 'belonging',
    summary: 'Resources deleted from a belonging',
    payload: payload({ belonging: { type: 'string' }, resourceIds: ids }),
  }),
  event({
    name: 'resource:updated',
    channel: 'resource',
    summary: 'A resource was updated',
    payload: payload({ belonging: { type: 'string' }, resource: resourceSchema }),
  }),
  event({
    name: 'resource:updatedInUploadSession',
    channel: 'user',
    summary: 'A resource of an upload session was updated',
    payload: payload({ resource: resourceSchema }),
  }),
  event({
    name: 'resource:updatedInChannel',
    channel: 'belonging',
    summary: 'A resource of a community channel was updated',
    payload: payload({ resource: resourceSchema }),
  }),
  event({
    name: 'resource:syncGoogleDriveDirectoryResult',
    channel: 'user',
    summary: 'Result of a Google Drive directory sync',
    payload: payload({
      resourceId: { type: 'string' },
      isSuccess: { type: 'boolean' },
      errorCode: { type: 'integer' },
      errorString: { type: 'string' },
    }),
  }),
];
