import { defineFamily, websocketByName } from '../../shared/registry/define.js';
import { resourceEvents } from './events.js';
import { deleteOp, moveOp, updateAttributesOp } from './operations/change.js';
import { createDirectoryOp, createLinkResourceOp, createResourceHttp, createResourceWs } from './operations/create.js';
import {
  getPublicMusicOp,
  getResource,
  getResourceFromNetwork,
  listBelongingOp,
  listParentDirectoriesOp,
  resourceInfo,
  searchBelongingOp,
  subscribeOp,
  unsubscribeFromBelongingOp,
  unsubscribeOp,
} from './operations/read.js';
import {
  roomTableDelete,
  roomTableDeleteAll,
  roomTableRestore,
  sortingTableDelete,
  sortingTableDeleteAll,
  sortingTableGet,
  sortingTableRestore,
} from './operations/sorting-tables.js';

export const resourcesFamily = defineFamily('resources', {
  description: 'Resource API (seed 000): resources, belongings, directories, sorting tables, trashcan',
  defaults: { bindings: websocketByName },
  operations: [
    createResourceHttp,
    createResourceWs,
    createDirectoryOp,
    createLinkResourceOp,
    getResource,
    resourceInfo,
    getResourceFromNetwork,
    listParentDirectoriesOp,
    searchBelongingOp,
    listBelongingOp,
    unsubscribeFromBelongingOp,
    getPublicMusicOp,
    subscribeOp,
    unsubscribeOp,
    updateAttributesOp,
    moveOp,
    deleteOp,
    sortingTableGet,
    sortingTableDeleteAll,
    sortingTableDelete,
    sortingTableRestore,
    roomTableDeleteAll,
    roomTableDelete,
    roomTableRestore,
  ],
  events: resourceEvents,
});
