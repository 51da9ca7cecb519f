import { http } from '@google-cloud/functions-framework';
import { createFamilyHandler } from '../../shared/transport/family-handler.js';
import { resourceContentFamily } from './family.js';

export const resourceContentFunction = createFamilyHandler(resourceContentFamily.operations);
http('resource-content', resourceContentFunction);
