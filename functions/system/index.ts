import { http } from '@google-cloud/functions-framework';
import { createFamilyHandler } from '../../shared/transport/family-handler.js';
import { systemFamily } from './family.js';

export const system = createFamilyHandler(systemFamily.operations);
http('system', system);
