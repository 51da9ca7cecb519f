import { serveFamily } from '../../shared/transport/serve-family.js';
import { propsFamily } from './family.js';

export const props = serveFamily(propsFamily);
