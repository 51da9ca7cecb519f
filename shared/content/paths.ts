/**
 * Where a resource's bytes live: one object per resource id, `originals/{resourceId}`. The path is
 * always derived from the id (never read from a client-writable field), so no resource can point
 * at another one's bytes. Link resources serve the object of the resource they link to.
 */
export const ORIGINALS_PREFIX = 'originals/';

const RESOURCE_ID = /^[A-Za-z0-9_-]{1,128}$/;

export const originalObjectPath = (resourceId: string): string => `${ORIGINALS_PREFIX}${resourceId}`;

/** The resource id of an `originals/{id}` object name, or undefined for any other object. */
export function resourceIdOfObject(objectPath: string): string | undefined {
  if (!objectPath.startsWith(ORIGINALS_PREFIX)) return undefined;
  const id = objectPath.slice(ORIGINALS_PREFIX.length);
  return RESOURCE_ID.test(id) ? id : undefined;
}
