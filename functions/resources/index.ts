import { serveFamily } from '../../shared/transport/serve-family.js';
import { resourcesFamily } from './family.js';

export const resources = serveFamily(resourcesFamily);
