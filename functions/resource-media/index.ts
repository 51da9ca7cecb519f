import { serveFamily } from '../../shared/transport/serve-family.js';
import { resourceMediaFamily } from './family.js';

export const resourceMedia = serveFamily(resourceMediaFamily);
