import { serveFamily } from '../../shared/transport/serve-family.js';
import { systemFamily } from './family.js';

export const system = serveFamily(systemFamily);
