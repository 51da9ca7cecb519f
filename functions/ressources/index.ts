import { http } from '@google-cloud/functions-framework';
import { createFamilyHandler } from '../../shared/transport/family-handler.js';
import { ressourcesFamily } from './family.js';

export const ressources = createFamilyHandler(ressourcesFamily.operations);
http('ressources', ressources);
