/**
 * Recursive sync of a Drive folder resource: the whole tree is listed first (so a Drive failure or
 * a tree over GOOGLE_DRIVE_SYNC_MAX_ITEMS changes nothing), then each folder's children become
 * resources in `directory:{folderResourceId}`. Child ids derive from the parent resource and the
 * Drive file id, so a sync run twice updates the same resources instead of duplicating them.
 * Resources of files gone from a folder go to the trashcan; what users added to a synced folder
 * stays, and every synced folder's counts are taken again from what it holds.
 */
import { mayWriteResource } from '../../../shared/access/resources.js';
import type { Principal } from '../../../shared/auth/principal.js';
import { uuidV5 as uuidv5 } from '../../../shared/auth/uuid.js';
import { envInt } from '../../../shared/config.js';
import { ApiError, notFound } from '../../../shared/errors/api-error.js';
import { isDriveFolder, listDriveChildren, type DriveFile } from '../../../shared/integrations/google-drive.js';
import type { EventPublisher } from '../../../shared/registry/types.js';
import { parseBelonging } from '../../../shared/resources/belonging.js';
import { recountDirectory } from '../../../shared/resources/directory-counts.js';
import { upsertResources, type ResourceRefresh } from '../../../shared/resources/insert.js';
import type { ResourceDoc } from '../../../shared/resources/model.js';
import { loadResource } from '../../../shared/resources/repository.js';
import { resolveChain } from '../../../shared/resources/tree.js';
import { driveDraft, driveFields } from '../rules/partner-drafts.js';
import { openDriveSession, type DriveSession } from './access.js';
import { driveFolderIdOf } from '../rules/drive-folder.js';
import type { DriveSyncJob } from './sync-job.js';
import { trashVanished } from './vanished.js';

/** Namespace of the ids of synchronized child resources. */
const CHILD_ID_NAMESPACE = '3b7c9e0a-5f1d-4c2b-8a6e-9d4f2c1b7e53';

export interface SyncOutcome {
  folders: number;
  created: number;
  updated: number;
  /** resources of files no longer in Drive, moved to the trashcan */
  removed: number;
}

/** The asking user's rights, without their token's scopes: a job carries none. */
const jobPrincipal = (job: DriveSyncJob): Principal => ({
  userId: job.userId,
  subject: job.userId,
  networkId: job.networkId,
  scopes: [],
  admin: false,
  token: '',
});

/** Drive folder id -> its direct children. */
type DriveTree = Map<string, DriveFile[]>;

export async function syncDriveDirectory(job: DriveSyncJob, events: EventPublisher): Promise<SyncOutcome> {
  const principal = jobPrincipal(job);
  const root = await loadResource(job.resourceId);
  // The job acts for the user who asked, checked again now: it fills a folder resource that user may
  // still write, with resources they own (their own mirrors are the only ones it updates or trashes).
  if (!root || !(await mayWriteResource(principal, root))) throw notFound('resource');
  const rootFolderId = driveFolderIdOf(root);
  const session = await openDriveSession(job.userId);
  const tree = await listTree(session, rootFolderId);

  const outcome: SyncOutcome = { folders: 0, created: 0, updated: 0, removed: 0 };
  const queue: Array<{ driveId: string; resourceId: string }> = [{ driveId: rootFolderId, resourceId: root.id }];
  const written = new Map<string, string>();
  while (queue.length > 0) {
    const folder = queue.shift()!;
    if (written.has(folder.driveId)) continue;
    written.set(folder.driveId, folder.resourceId);
    const children = tree.get(folder.driveId) ?? [];
    const { created, updated } = await writeChildren(events, principal, root.networkId, folder.resourceId, children);
    outcome.folders += 1;
    outcome.created += created;
    outcome.updated += updated;
    for (const file of children) if (isDriveFolder(file)) queue.push({ driveId: file.id, resourceId: childId(folder.resourceId, file.id) });
  }
  const isMirror = (doc: ResourceDoc, folderResourceId: string): boolean => {
    const fileId = (doc.data?.googleDrive as { fileId?: unknown } | undefined)?.fileId;
    return typeof fileId === 'string' && doc.id === childId(folderResourceId, fileId);
  };
  for (const [driveId, resourceId] of written) {
    const driveFileIds = new Set((tree.get(driveId) ?? []).map((file) => file.id));
    outcome.removed += await trashVanished(job.userId, { resourceId, driveFileIds }, isMirror, events);
  }
  for (const resourceId of written.values()) await recountDirectory(resourceId, events);
  return outcome;
}

/** Every folder of the tree, breadth first; a folder reached twice (Drive allows several parents) is listed once. */
async function listTree(session: DriveSession, rootFolderId: string): Promise<DriveTree> {
  const maxItems = envInt('GOOGLE_DRIVE_SYNC_MAX_ITEMS');
  const tree: DriveTree = new Map();
  const queue = [rootFolderId];
  let items = 0;
  while (queue.length > 0) {
    const folderId = queue.shift()!;
    if (tree.has(folderId)) continue;
    const children: DriveFile[] = [];
    let pageToken: string | undefined;
    do {
      const page = await session.call((token) => listDriveChildren(token, folderId, pageToken));
      children.push(...page.files);
      items += page.files.length;
      if (items > maxItems)
        throw new ApiError(413, `the Google Drive folder holds more than ${maxItems} files and folders; sync a smaller folder`);
      pageToken = page.nextPageToken;
    } while (pageToken);
    tree.set(folderId, children);
    for (const child of children) if (isDriveFolder(child) && !tree.has(child.id)) queue.push(child.id);
  }
  return tree;
}

const childId = (parentResourceId: string, driveFileId: string): string => uuidv5(`${parentResourceId}/${driveFileId}`, CHILD_ID_NAMESPACE);

/** Children upserted in one transaction (the shared upsert holds at most 499). */
const UPSERT_CHUNK = 400;

/**
 * Creates the children not seen before and refreshes the Drive-derived fields of the others, by
 * the shared upsert: search words, directory counts and events as every create and update has them.
 */
async function writeChildren(
  events: EventPublisher,
  principal: Principal,
  networkId: string,
  parentId: string,
  children: DriveFile[],
): Promise<{ created: number; updated: number }> {
  const parsed = parseBelonging(`directory:${parentId}`);
  const chain = await resolveChain(parsed);
  if (!chain) throw notFound('directory');
  const target = { parsed, networkId, access: chain };
  let created = 0;
  let updated = 0;
  for (let start = 0; start < children.length; start += UPSERT_CHUNK) {
    const chunk = children.slice(start, start + UPSERT_CHUNK);
    // a new folder holds nothing yet: its counts start at zero and grow as its children are created
    const drafts = chunk.map((file) => ({
      ...driveDraft(file),
      id: childId(parentId, file.id),
      status: 'ready' as const,
      ...(isDriveFolder(file) ? { directoryKinds: {} } : {}),
    }));
    const files = new Map(chunk.map((file) => [childId(parentId, file.id), file]));
    const outcome = await upsertResources(events, principal, target, drafts, (current) => driveChange(current, files.get(current.id)!));
    created += outcome.created.length;
    updated += outcome.updated.length;
  }
  return { created, updated };
}

/**
 * The field updates that bring a resource in line with its Drive file, and the resource after them;
 * undefined when nothing changed. A folder's counts are left to the recount after the sync.
 */
function driveChange(current: ResourceDoc, file: DriveFile): ResourceRefresh | undefined {
  const { title, metadata = {}, googleDrive } = driveFields(file);
  const fields: Record<string, unknown> = {};
  if (current.title !== title) fields.title = title;
  for (const [key, value] of Object.entries(metadata)) if (current.metadata?.[key] !== value) fields[`metadata.${key}`] = value;
  if (JSON.stringify(current.data?.googleDrive) !== JSON.stringify(googleDrive)) fields['data.googleDrive'] = googleDrive;
  if (Object.keys(fields).length === 0) return undefined;
  const next: ResourceDoc = { ...current, title, metadata: { ...current.metadata, ...metadata }, data: { ...current.data, googleDrive } };
  return { fields, next };
}
