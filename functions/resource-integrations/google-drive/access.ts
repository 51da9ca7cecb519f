/**
 * Drive calls on behalf of a user, with the access token stored for them: renewed (once per
 * session) when it has expired or Drive refuses it and a refresh token allows it.
 */
import { ApiError } from '../../../shared/errors/api-error.js';
import { DriveUnauthorizedError } from '../../../shared/integrations/google-drive.js';
import { canRefreshDriveTokens, refreshAccessToken } from '../../../shared/integrations/google-oauth.js';
import { readDriveCredentials, saveDriveCredentials, type DriveCredentials } from '../store/drive-credentials.js';

/** Renew a little before the announced expiry, so a token does not expire in the middle of a sync. */
const EXPIRY_MARGIN_MS = 60_000;

const refused = () =>
  new ApiError(403, 'Google Drive did not accept the stored authorization: send a new one with googleDrive:setCredentials');

export interface DriveSession {
  call<T>(request: (accessToken: string) => Promise<T>): Promise<T>;
}

/** 403 when the user has given no Drive authorization. */
export async function openDriveSession(userId: string): Promise<DriveSession> {
  const stored = await readDriveCredentials(userId);
  if (!stored) throw new ApiError(403, 'no Google Drive authorization for this user: send one with googleDrive:setCredentials');
  let credentials: DriveCredentials = stored;
  let renewed = false;

  const renew = async (current: DriveCredentials): Promise<DriveCredentials> => {
    if (renewed || !current.refreshToken || !canRefreshDriveTokens()) throw refused();
    renewed = true;
    const { accessToken, expiresAt } = await refreshAccessToken(current.refreshToken);
    const next = { ...current, accessToken, expiresAt };
    await saveDriveCredentials(userId, next);
    return next;
  };

  return {
    async call(request) {
      if (credentials.expiresAt !== undefined && credentials.expiresAt - EXPIRY_MARGIN_MS < Date.now())
        credentials = await renew(credentials);
      try {
        return await request(credentials.accessToken);
      } catch (err) {
        if (!(err instanceof DriveUnauthorizedError)) throw err;
      }
      credentials = await renew(credentials);
      try {
        return await request(credentials.accessToken);
      } catch (err) {
        throw err instanceof DriveUnauthorizedError ? refused() : err;
      }
    },
  };
}
