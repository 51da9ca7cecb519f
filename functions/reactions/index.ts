import { http } from '@google-cloud/functions-framework';
import { createFamilyHandler } from '../../shared/transport/family-handler.js';
import { reactionsFamily } from './family.js';

export const reactions = createFamilyHandler(reactionsFamily.operations);
http('reactions', reactions);
