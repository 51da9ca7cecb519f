/**
 * Each user's Google Drive authorization, kept server-side in `googleDriveCredentials/{userId}`
 * (never answered to clients). Clients obtain it with Google's OAuth flow for the Drive scope and
 * hand it over with `googleDrive:setCredentials`; a refresh token lets the server renew the
 * access token when GOOGLE_DRIVE_CLIENT_ID/SECRET are configured.
 */
import { firestore } from '../../../shared/gcp/clients.js';

export interface DriveCredentials {
  accessToken: string;
  /** ms since the epoch; absent when the client did not say */
  expiresAt?: number;
  refreshToken?: string;
  updated: number;
}

const collection = () => firestore().collection('googleDriveCredentials');

export async function readDriveCredentials(userId: string): Promise<DriveCredentials | undefined> {
  const snap = await collection().doc(userId).get();
  return snap.exists ? (snap.data() as DriveCredentials) : undefined;
}

export async function saveDriveCredentials(userId: string, credentials: Omit<DriveCredentials, 'updated'>): Promise<void> {
  await collection()
    .doc(userId)
    .set({ ...credentials, updated: Date.now() });
}

/** A renewed access token; the refresh token stays. */
export async function saveRenewedAccessToken(userId: string, accessToken: string, expiresAt: number): Promise<void> {
  await collection().doc(userId).update({ accessToken, expiresAt, updated: Date.now() });
}

export async function deleteDriveCredentials(userId: string): Promise<void> {
  await collection().doc(userId).delete();
}
