import { defineEvent, type EventDefinition, type JsonSchema } from '../../shared/registry/types.js';
import { resourceSchema } from '../../shared/resources/schema.js';

const family = 'resources';
const ids: JsonSchema = { type: 'array', items: { type: 'string' } };
const list: JsonSchema = { type: 'array', items: resourceSchema };
const payload = (properties: Record<string, JsonSchema>): JsonSchema => ({ type: 'object', required: Object.keys(properties), properties });

export const resourceEvents: EventDefinition[] = [
  defineEvent({ name: 'sortingTable:addResources', family, channel: 'user', summary: 'Resources added to the user sorting table', payload: payload({ resources: list }) }),
  defineEvent({ name: 'sortingTable:deleteResources', family, channel: 'user', summary: 'Resources deleted from the user sorting table', payload: payload({ resources: ids }) }),
  defineEvent({
    name: 'sortingTable:addResourcesToDirectory',
    family,
    channel: 'user',
    summary: 'Resources added to a directory in the user sorting table',
    payload: payload({ directoryId: { type: 'string' }, resources: list }),
  }),
  defineEvent({
    name: 'sortingTable:deleteResourcesFromDirectory',
    family,
    channel: 'user',
    summary: 'Resources deleted from a directory in the user sorting table',
    payload: payload({ directoryId: { type: 'string' }, resourceIds: ids }),
  }),
  defineEvent({ name: 'resource:addedToUploadSession', family, channel: 'user', summary: 'Resources added to an upload session', payload: payload({ resources: list }) }),
  defineEvent({ name: 'resource:deletedFromUploadSession', family, channel: 'user', summary: 'Resources deleted from an upload session', payload: payload({ resources: ids }) }),
  defineEvent({ name: 'sortingTable:resourceUpdated', family, channel: 'user', summary: 'A resource of the user sorting table was updated', payload: payload({ resource: resourceSchema }) }),
  defineEvent({
    name: 'resource:addedToBelonging',
    family,
    channel: 'belonging',
    summary: 'Resources added to a belonging (directory, community, ...)',
    payload: payload({ belonging: { type: 'string' }, resources: list }),
  }),
  defineEvent({
    name: 'resource:deletedFromBelonging',
    family,
    channel: 'belonging',
    summary: 'Resources deleted from a belonging',
    payload: payload({ belonging: { type: 'string' }, resourceIds: ids }),
  }),
  defineEvent({
    name: 'resource:updated',
    family,
    channel: 'resource',
    summary: 'A resource was updated',
    payload: payload({ belonging: { type: 'string' }, resource: resourceSchema }),
  }),
  defineEvent({ name: 'resource:updatedInUploadSession', family, channel: 'user', summary: 'A resource of an upload session was updated', payload: payload({ resource: resourceSchema }) }),
  defineEvent({ name: 'resource:updatedInChannel', family, channel: 'belonging', summary: 'A resource of a community channel was updated', payload: payload({ resource: resourceSchema }) }),
  defineEvent({
    name: 'resource:syncGoogleDriveDirectoryResult',
    family,
    channel: 'user',
    summary: 'Result of a Google Drive directory sync',
    payload: payload({ resourceId: { type: 'string' }, isSuccess: { type: 'boolean' }, errorCode: { type: 'integer' }, errorString: { type: 'string' } }),
  }),
];
