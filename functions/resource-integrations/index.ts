import { serveFamily } from '../../shared/transport/serve-family.js';
import { resourceIntegrationsFamily } from './family.js';

export const resourceIntegrations = serveFamily(resourceIntegrationsFamily);
