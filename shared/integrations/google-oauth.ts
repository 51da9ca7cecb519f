/** Google OAuth 2.0 token endpoint: renews an access token from a refresh token. */
import { env } from '../config.js';
import { ApiError } from '../errors/api-error.js';
import { callJsonApi, isRecord, rejectedCredentials, stringOf, unexpectedAnswer } from './upstream.js';

const SERVICE = 'Google OAuth';

export interface RefreshedToken {
  accessToken: string;
  /** ms since the epoch */
  expiresAt: number;
}

/** True when this server can renew Drive access tokens (client id and secret configured). */
export const canRefreshDriveTokens = (): boolean => Boolean(env('GOOGLE_DRIVE_CLIENT_ID') && env('GOOGLE_DRIVE_CLIENT_SECRET'));

/** A fresh access token; 403 when Google no longer honours the refresh token (revoked, expired). */
export async function refreshAccessToken(refreshToken: string): Promise<RefreshedToken> {
  const form = new URLSearchParams({
    client_id: env('GOOGLE_DRIVE_CLIENT_ID') ?? '',
    client_secret: env('GOOGLE_DRIVE_CLIENT_SECRET') ?? '',
    refresh_token: refreshToken,
    grant_type: 'refresh_token',
  });
  const { status, body } = await callJsonApi(SERVICE, new URL(env('GOOGLE_OAUTH_TOKEN_URL')!), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  });
  const error = isRecord(body) ? stringOf(body.error) : undefined;
  if (error === 'invalid_grant')
    throw new ApiError(
      403,
      'the stored Google Drive authorization was revoked or has expired: send new credentials with googleDrive:setCredentials',
    );
  if (error === 'invalid_client' || error === 'unauthorized_client') throw rejectedCredentials(SERVICE, status, error);
  const accessToken = isRecord(body) ? stringOf(body.access_token) : undefined;
  if (status !== 200 || !accessToken || !isRecord(body)) throw unexpectedAnswer(SERVICE, status);
  const expiresIn = Number(body.expires_in);
  return { accessToken, expiresAt: Date.now() + (Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : 3600) * 1000 };
}
