import { mayWriteResource } from '../../../shared/access/resources.js';
import { forbidden, notFound } from '../../../shared/errors/api-error.js';
import { getDriveFile } from '../../../shared/integrations/google-drive.js';
import { operation } from '../../../shared/registry/define.js';
import { toClientResource } from '../../../shared/resources/model.js';
import { getVisibleResource } from '../../../shared/resources/repository.js';
import { openDriveSession } from '../google-drive/access.js';
import { deleteDriveCredentials, readDriveCredentials, saveDriveCredentials } from '../store/drive-credentials.js';
import { driveFolderIdOf } from '../rules/drive-folder.js';
import { publishDriveSyncJob } from '../google-drive/sync-job.js';
import { insertPartnerResources } from '../store/partner-resources.js';
import { driveDraft } from '../rules/partner-drafts.js';
import { resolvePlacement } from '../../../shared/resources/placement.js';
import { emptyAnswer, resourceAnswer } from '../schemas/common.js';
import { driveCreateRequest, driveCredentialsRequest, driveDeleteCredentialsRequest, driveSyncRequest } from '../schemas/google-drive.js';

const authorization =
  'The Drive authorization is the one the user gave with googleDrive:setCredentials (403 without one, or when Drive refuses it).';

export const createGoogleDriveResource = operation({
  name: 'resource:createGoogleDriveResource',
  summary: 'Create google drive resource',
  description: `A resource for a Drive file or folder, with \`data.googleDrive { fileId, name, mimeType }\` from Drive's files.get. ${authorization} 404 for a file Drive does not show the user.`,
  permission: 'authenticated user with Drive access to the file; writes to the chosen belonging',
  request: driveCreateRequest,
  response: resourceAnswer,
}).handle(async (ctx, input) => {
  const placement = await resolvePlacement(ctx.principal, input);
  const drive = await openDriveSession(ctx.principal.userId);
  const file = await drive.call((token) => getDriveFile(token, input.fileId));
  if (!file) throw notFound('Google Drive file');
  const [doc] = await insertPartnerResources(ctx.events, ctx.principal, placement, [driveDraft(file)]);
  return { resource: toClientResource(doc) };
});

export const syncGoogleDriveDirectory = operation({
  name: 'resource:syncGoogleDriveDirectory',
  summary: 'Sync google drive directory',
  description: `Queues a recursive sync of a Drive folder resource: its files and folders become resources of \`directory:{resourceId}\` (sub-folders recursively), updated in place on later syncs. The outcome arrives as resource:syncGoogleDriveDirectoryResult on user:{id}. ${authorization} 422 for a resource that is not a Drive folder.`,
  permission: 'write access to the folder resource (its owner, managers of its room, WRITE shares)',
  request: driveSyncRequest,
  response: emptyAnswer,
}).handle(async (ctx, input) => {
  const folder = await getVisibleResource(ctx.principal, input.resourceId);
  if (!(await mayWriteResource(ctx.principal, folder))) throw forbidden('the folder resource is not writable by the caller');
  driveFolderIdOf(folder);
  if (!(await readDriveCredentials(ctx.principal.userId)))
    throw forbidden('no Google Drive authorization for this user: send one with googleDrive:setCredentials');
  await publishDriveSyncJob({ userId: ctx.principal.userId, networkId: ctx.principal.networkId, resourceId: folder.id });
  return {};
});

export const setGoogleDriveCredentials = operation({
  name: 'googleDrive:setCredentials',
  extension: true,
  summary: "Store the caller's Google Drive authorization",
  description:
    "Not in the seed: how the server gets a user's Drive access. The client runs Google's OAuth flow for a Drive scope and sends the access token (with its lifetime in seconds and, for offline access, the refresh token). Replaces what was stored; kept server-side only.",
  permission: 'authenticated user (their own authorization)',
  request: driveCredentialsRequest,
  response: emptyAnswer,
}).handle(async (ctx, input) => {
  await saveDriveCredentials(ctx.principal.userId, {
    accessToken: input.accessToken,
    ...(input.expiresIn ? { expiresAt: Date.now() + input.expiresIn * 1000 } : {}),
    ...(input.refreshToken ? { refreshToken: input.refreshToken } : {}),
  });
  return {};
});

export const deleteGoogleDriveCredentials = operation({
  name: 'googleDrive:deleteCredentials',
  extension: true,
  summary: "Forget the caller's Google Drive authorization",
  description: 'Not in the seed: removes what googleDrive:setCredentials stored; Drive operations answer 403 afterwards.',
  permission: 'authenticated user (their own authorization)',
  request: driveDeleteCredentialsRequest,
  response: emptyAnswer,
}).handle(async (ctx) => {
  await deleteDriveCredentials(ctx.principal.userId);
  return {};
});
