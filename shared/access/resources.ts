import type { Principal } from '../auth/principal.js';
import type { ResourceDoc } from '../resources/model.js';

/**
 * Every access rule on resources lives here, so later rules (rooms, seed 004 privacy, workspace
 * admins, token scopes) extend this module without touching handlers.
 */
export function canReadResource(principal: Principal, resource: ResourceDoc): boolean {
  return resource.ownerId === principal.userId;
}

export function canWriteResource(principal: Principal, resource: ResourceDoc): boolean {
  return resource.ownerId === principal.userId;
}
