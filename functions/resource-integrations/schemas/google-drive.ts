import { idSchema } from '../../../shared/resources/schema.js';
import { placementProperties, request } from './common.js';

/** Drive file ids: URL-safe characters. */
const driveFileId = { type: 'string', pattern: '^[A-Za-z0-9_-]{1,200}$' } as const;

export const driveCreateRequest = request({ fileId: driveFileId, ...placementProperties }, ['fileId']);
export const driveSyncRequest = request({ resourceId: idSchema }, ['resourceId']);

export const driveCredentialsRequest = request(
  {
    accessToken: { type: 'string', minLength: 10, maxLength: 4096 },
    /** seconds the access token stays valid, as Google's token answer says */
    expiresIn: { type: 'integer', minimum: 1, maximum: 86400 },
    refreshToken: { type: 'string', minLength: 10, maxLength: 4096 },
  },
  ['accessToken'],
);
export const driveDeleteCredentialsRequest = request({});
