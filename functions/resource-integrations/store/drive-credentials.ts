/**
 * Each user's Google Drive authorization, kept server-side in `googleDriveCredentials/{userId}`
 * (never answered to clients). Clients obtain it with Google's OAuth flow for the Drive scope and
 * hand it over with `googleDrive:setCredentials`; a refresh token lets the server renew the
 * access token when GOOGLE_DRIVE_CLIENT_ID/SECRET are configured. The tokens are stored sealed
 * (shared/crypto/sealed.ts); only their expiry is readable in the database.
 */
import { seal, unseal } from '../../../shared/crypto/sealed.js';
import { firestore } from '../../../shared/gcp/clients.js';
import { log } from '../../../shared/log.js';
import { Collections } from '../../../shared/data-layout.js';

export interface DriveCredentials {
  accessToken: string;
  /** ms since the epoch; absent when the client did not say */
  expiresAt?: number;
  refreshToken?: string;
}

interface StoredCredentials {
  /** `{ accessToken, refreshToken }` sealed for this user */
  tokens: string;
  expiresAt?: number;
  updated: number;
}

const collection = () => firestore().collection(Collections.googleDriveCredentials);
const sealContext = (userId: string) => `googleDriveCredentials/${userId}`;

/** The user's authorization; undefined when there is none or it cannot be opened (the key changed). */
export async function readDriveCredentials(userId: string): Promise<DriveCredentials | undefined> {
  const stored = (await collection().doc(userId).get()).data() as StoredCredentials | undefined;
  if (!stored) return undefined;
  const opened = typeof stored.tokens === 'string' ? unseal(stored.tokens, sealContext(userId)) : undefined;
  if (opened === undefined) {
    log.warn('stored Google Drive credentials cannot be opened; the user has to send them again', { userId });
    return undefined;
  }
  const tokens = JSON.parse(opened) as Pick<DriveCredentials, 'accessToken' | 'refreshToken'>;
  return { ...tokens, ...(stored.expiresAt !== undefined && { expiresAt: stored.expiresAt }) };
}

export async function saveDriveCredentials(userId: string, credentials: DriveCredentials): Promise<void> {
  const tokens = JSON.stringify({
    accessToken: credentials.accessToken,
    ...(credentials.refreshToken && { refreshToken: credentials.refreshToken }),
  });
  const stored: StoredCredentials = {
    tokens: seal(tokens, sealContext(userId)),
    ...(credentials.expiresAt !== undefined && { expiresAt: credentials.expiresAt }),
    updated: Date.now(),
  };
  await collection().doc(userId).set(stored);
}

export async function deleteDriveCredentials(userId: string): Promise<void> {
  await collection().doc(userId).delete();
}
