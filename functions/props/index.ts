import { http } from '@google-cloud/functions-framework';
import { createFamilyHandler } from '../../shared/transport/family-handler.js';
import { propsFamily } from './family.js';

export const props = createFamilyHandler(propsFamily.operations);
http('props', props);
