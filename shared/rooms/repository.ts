import type {
  CollectionReference,
  DocumentData,
  DocumentReference,
  FirestoreDataConverter,
  Query,
  QueryDocumentSnapshot,
  Transaction,
} from '@google-cloud/firestore';
import { firestore } from '../gcp/clients.js';
import type { MeetingRecord, RoomMessageRecord, RoomRecord, RoomUserSettingsRecord } from './model.js';
import { recordQuery } from '../gcp/query-shapes.js';
import { Collections } from '../data-layout.js';

/** Firestore answers `in` queries with at most 30 values. */
const IN_QUERY_LIMIT = 30;

function plain<T extends DocumentData>(): FirestoreDataConverter<T> {
  return {
    toFirestore: (value) => value as DocumentData,
    fromFirestore: (snapshot: QueryDocumentSnapshot) => snapshot.data() as T,
  };
}

export const roomsCollection = (): CollectionReference<RoomRecord> =>
  firestore().collection(Collections.rooms).withConverter(plain<RoomRecord>());

export const roomRef = (roomId: string): DocumentReference<RoomRecord> => roomsCollection().doc(roomId);

export const settingsRef = (roomId: string, userId: string): DocumentReference<RoomUserSettingsRecord> =>
  firestore()
    .collection(Collections.rooms)
    .doc(roomId)
    .collection(Collections.userSettings)
    .doc(userId)
    .withConverter(plain<RoomUserSettingsRecord>());

export const messagesCollection = (roomId: string): CollectionReference<RoomMessageRecord> =>
  firestore().collection(Collections.rooms).doc(roomId).collection(Collections.messages).withConverter(plain<RoomMessageRecord>());

export const meetingRef = (meetingId: string): DocumentReference<MeetingRecord> =>
  firestore().collection(Collections.meetings).doc(meetingId).withConverter(plain<MeetingRecord>());

/** The lock document that makes a one_to_one room unique for its pair of users. */
export const pairRef = (userA: string, userB: string): DocumentReference =>
  firestore().collection(Collections.roomPairs).doc([userA, userB].sort().join('_'));

/** Reads inside the transaction when one is given, so the transaction sees a consistent state. */
async function getDoc<T>(ref: DocumentReference<T>, tx?: Transaction): Promise<T | undefined> {
  const snap = tx ? await tx.get(ref) : await ref.get();
  return snap.exists ? snap.data() : undefined;
}

async function runQuery<T>(query: Query<T>, tx?: Transaction): Promise<T[]> {
  recordQuery(query);
  const snap = tx ? await tx.get(query) : await query.get();
  return snap.docs.map((d) => d.data());
}

export const readRoom = (roomId: string, tx?: Transaction) => getDoc(roomRef(roomId), tx);

export const readMeeting = (meetingId: string, tx?: Transaction) => getDoc(meetingRef(meetingId), tx);

/** Rooms listing the user among their own members (every type but channels). */
export const roomsOfMember = (userId: string, tx?: Transaction) =>
  runQuery(roomsCollection().where('memberIds', 'array-contains', userId), tx);

export const workspacesOfMember = (userId: string, tx?: Transaction) =>
  runQuery(roomsCollection().where('memberIds', 'array-contains', userId).where('type', '==', 'workspace'), tx);

/** The channels of the given workspaces. */
export async function channelsOf(workspaceIds: string[], tx?: Transaction): Promise<RoomRecord[]> {
  const chunks: string[][] = [];
  for (let i = 0; i < workspaceIds.length; i += IN_QUERY_LIMIT) chunks.push(workspaceIds.slice(i, i + IN_QUERY_LIMIT));
  const found = await Promise.all(chunks.map((ids) => runQuery(roomsCollection().where('parentId', 'in', ids), tx)));
  return found.flat();
}

/** The user's settings of each given room; rooms without settings are absent from the map. */
export async function readSettings(roomIds: string[], userId: string, tx?: Transaction): Promise<Map<string, RoomUserSettingsRecord>> {
  const result = new Map<string, RoomUserSettingsRecord>();
  if (roomIds.length === 0) return result;
  const refs = roomIds.map((id) => settingsRef(id, userId));
  const snaps = tx ? await tx.getAll(...refs) : await firestore().getAll(...refs);
  for (const snap of snaps) {
    const data = snap.data() as RoomUserSettingsRecord | undefined;
    if (data) result.set(data.roomId, data);
  }
  return result;
}

export const readUserSettings = (roomId: string, userId: string, tx?: Transaction) => getDoc(settingsRef(roomId, userId), tx);
