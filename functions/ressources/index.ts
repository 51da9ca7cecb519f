import { serveFamily } from '../../shared/transport/serve-family.js';
import { ressourcesFamily } from './family.js';

export const ressources = serveFamily(ressourcesFamily);
