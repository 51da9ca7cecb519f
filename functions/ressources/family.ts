import { defineFamily } from '../../shared/registry/define.js';
import { getFeed } from './operations/feed.js';
import { listEnvironmentRessources, listUserRessources, listWorkspaceRessources } from './operations/lists.js';
import { attachPhoto, listPhotos, readPhoto } from './operations/photos.js';
import { publishToEnvironment, publishToUser, publishToWorkspace } from './operations/publish.js';
import { deleteRessource, getRessource, updateRessource } from './operations/ressource.js';

export const ressourcesFamily = defineFamily('ressources', {
  description:
    'The "ressource" view of seed 004: owner, workspace and privacy of a resource, its publishing edges, photos and feed, with its permission rules',
  operations: [
    getRessource,
    updateRessource,
    deleteRessource,
    publishToUser,
    publishToWorkspace,
    publishToEnvironment,
    listUserRessources,
    listWorkspaceRessources,
    listEnvironmentRessources,
    listPhotos,
    attachPhoto,
    readPhoto,
    getFeed,
  ],
  events: [],
});
