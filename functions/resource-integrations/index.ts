import { http } from '@google-cloud/functions-framework';
import { createFamilyHandler } from '../../shared/transport/family-handler.js';
import { resourceIntegrationsFamily } from './family.js';

export const resourceIntegrationsFunction = createFamilyHandler(resourceIntegrationsFamily.operations);
http('resource-integrations', resourceIntegrationsFunction);
