import { http } from '@google-cloud/functions-framework';
import { createFamilyHandler } from '../../shared/transport/family-handler.js';
import { resourcesFamily } from './family.js';

export const resourcesFunction = createFamilyHandler(resourcesFamily.operations);
http('resources', resourcesFunction);
