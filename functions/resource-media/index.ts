import { http } from '@google-cloud/functions-framework';
import { createFamilyHandler } from '../../shared/transport/family-handler.js';
import { resourceMediaFamily } from './family.js';

export const resourceMediaFunction = createFamilyHandler(resourceMediaFamily.operations);
http('resource-media', resourceMediaFunction);
