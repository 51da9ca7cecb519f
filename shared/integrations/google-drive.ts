/** Google Drive API v3 client: file metadata (`files.get`) and folder listings (`files.list`), with a user's access token. */
import { env } from '../config.js';
import { ApiError } from '../errors/api-error.js';
import { callJsonApi, endpoint, isRecord, stringOf, unexpectedAnswer } from './upstream.js';

const SERVICE = 'Google Drive';
export const DRIVE_FOLDER_MIME_TYPE = 'application/vnd.google-apps.folder';
const FILE_FIELDS = 'id,name,mimeType,size,modifiedTime,webViewLink';
const PAGE_SIZE = 1000;

export interface DriveFile {
  id: string;
  name: string;
  mimeType: string;
  size?: number;
  /** ms since the epoch */
  modifiedTime?: number;
  webViewLink?: string;
}

export interface DrivePage {
  files: DriveFile[];
  nextPageToken?: string;
}

/** Drive did not accept the access token (expired or revoked): the caller may refresh it and try again. */
export class DriveUnauthorizedError extends Error {
  constructor() {
    super('Google Drive did not accept the access token');
    this.name = 'DriveUnauthorizedError';
  }
}

export const isDriveFolder = (file: Pick<DriveFile, 'mimeType'>): boolean => file.mimeType === DRIVE_FOLDER_MIME_TYPE;

/** The file's metadata, or undefined when it does not exist or the user may not see it. */
export async function getDriveFile(accessToken: string, fileId: string): Promise<DriveFile | undefined> {
  const url = endpoint(env('GOOGLE_DRIVE_BASE_URL')!, `/files/${encodeURIComponent(fileId)}`, {
    fields: FILE_FIELDS,
    supportsAllDrives: 'true',
  });
  const { status, body } = await callDrive(accessToken, url);
  if (status === 404) return undefined;
  const file = status === 200 ? toDriveFile(body) : undefined;
  if (!file) throw unexpectedAnswer(SERVICE, status);
  return file;
}

/** One page of the folder's direct children (trashed ones left out). */
export async function listDriveChildren(accessToken: string, folderId: string, pageToken?: string): Promise<DrivePage> {
  const url = endpoint(env('GOOGLE_DRIVE_BASE_URL')!, '/files', {
    q: `'${folderId.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}' in parents and trashed = false`,
    fields: `nextPageToken,files(${FILE_FIELDS})`,
    pageSize: PAGE_SIZE,
    pageToken,
    supportsAllDrives: 'true',
    includeItemsFromAllDrives: 'true',
  });
  const { status, body } = await callDrive(accessToken, url);
  if (status === 404) throw new ApiError(404, `Google Drive folder ${folderId} not found`);
  if (status !== 200 || !isRecord(body) || !Array.isArray(body.files)) throw unexpectedAnswer(SERVICE, status);
  const files = body.files.map(toDriveFile).filter((f): f is DriveFile => f !== undefined);
  const next = stringOf(body.nextPageToken);
  return next ? { files, nextPageToken: next } : { files };
}

async function callDrive(accessToken: string, url: URL) {
  const answer = await callJsonApi(SERVICE, url, { headers: { authorization: `Bearer ${accessToken}` } });
  if (answer.status === 401) throw new DriveUnauthorizedError();
  if (answer.status === 403) {
    const reason = errorReason(answer.body);
    if (reason && /rateLimitExceeded/i.test(reason)) throw new ApiError(503, 'Google Drive is rate limiting this user; try again later');
    throw new ApiError(403, `Google Drive refused access${reason ? ` (${reason})` : ''}`);
  }
  return answer;
}

/** Drive errors: `{ error: { code, message, errors: [{ reason }] } }`. */
function errorReason(body: unknown): string | undefined {
  if (!isRecord(body) || !isRecord(body.error)) return undefined;
  const first = Array.isArray(body.error.errors) ? body.error.errors.find(isRecord) : undefined;
  return (first && stringOf(first.reason)) ?? stringOf(body.error.status);
}

function toDriveFile(raw: unknown): DriveFile | undefined {
  if (!isRecord(raw)) return undefined;
  const id = stringOf(raw.id);
  const name = stringOf(raw.name);
  const mimeType = stringOf(raw.mimeType);
  if (!id || name === undefined || !mimeType) return undefined;
  const file: DriveFile = { id, name, mimeType };
  const size = Number(raw.size);
  if (raw.size !== undefined && Number.isSafeInteger(size) && size >= 0) file.size = size;
  const modified = Date.parse(stringOf(raw.modifiedTime) ?? '');
  if (Number.isFinite(modified)) file.modifiedTime = modified;
  const link = stringOf(raw.webViewLink);
  if (link) file.webViewLink = link;
  return file;
}
