import { serveFamily } from '../../shared/transport/serve-family.js';
import { reactionsFamily } from './family.js';

export const reactions = serveFamily(reactionsFamily);
