import type { Principal } from '../auth/principal.js';
import { firestore } from '../gcp/clients.js';
import { Collections } from '../data-layout.js';

/** One profile serving both the Chats `User` and the seed 002 `User Simple` view. */
export interface UserProfile {
  id: string;
  name: string;
  firstName: string;
  lastName: string;
  email: string;
  type: 'internal' | 'guest';
  statusMessage: string;
  privacyMode: number;
  companyName: string;
  companyTitle: string;
  pictureUpdatedAt?: string;
  networkId: string;
  created: string;
  updated: string;
}

function splitName(name: string): { firstName: string; lastName: string } {
  const parts = name.trim().split(/\s+/);
  return { firstName: parts[0] ?? '', lastName: parts.slice(1).join(' ') };
}

/** Claims seen per process, so a profile is written only on first use or when its claims change. */
const seen = new Map<string, string>();

/** Creates the caller's profile from token claims on first use, and refreshes name/email when they change. */
export async function ensureUserProfile(principal: Principal): Promise<void> {
  const fingerprint = `${principal.name ?? ''}|${principal.email ?? ''}|${principal.networkId}`;
  if (seen.get(principal.userId) === fingerprint) return;
  const ref = firestore().collection(Collections.users).doc(principal.userId);
  await firestore().runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    const now = new Date().toISOString();
    const name = principal.name ?? principal.email?.split('@')[0] ?? '';
    if (!snap.exists) {
      const profile: UserProfile = {
        id: principal.userId,
        name,
        ...splitName(name),
        email: principal.email ?? '',
        type: 'internal',
        statusMessage: '',
        privacyMode: 0,
        companyName: '',
        companyTitle: '',
        networkId: principal.networkId,
        created: now,
        updated: now,
      };
      tx.create(ref, profile);
      return;
    }
    const current = snap.data() as UserProfile;
    const changes: Partial<UserProfile> = {};
    if (principal.name && principal.name !== current.name) Object.assign(changes, { name: principal.name, ...splitName(principal.name) });
    if (principal.email && principal.email !== current.email) changes.email = principal.email;
    if (principal.networkId !== current.networkId) changes.networkId = principal.networkId;
    if (Object.keys(changes).length > 0) tx.update(ref, { ...changes, updated: now });
  });
  seen.set(principal.userId, fingerprint);
}

export async function getUserProfile(userId: string): Promise<UserProfile | undefined> {
  const snap = await firestore().collection(Collections.users).doc(userId).get();
  return snap.exists ? (snap.data() as UserProfile) : undefined;
}
