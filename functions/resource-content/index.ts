import { serveFamily } from '../../shared/transport/serve-family.js';
import { resourceContentFamily } from './family.js';

export const resourceContent = serveFamily(resourceContentFamily);
