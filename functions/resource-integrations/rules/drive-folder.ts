import { unprocessable } from '../../../shared/errors/api-error.js';
import { DRIVE_FOLDER_MIME_TYPE } from '../../../shared/integrations/google-drive.js';
import type { ResourceDoc } from '../../../shared/resources/model.js';

/** The Drive folder id of a resource made by resource:createGoogleDriveResource from a folder; 422 for any other resource. */
export function driveFolderIdOf(resource: ResourceDoc): string {
  const drive = resource.data?.googleDrive as { fileId?: unknown; mimeType?: unknown } | undefined;
  if (drive?.mimeType !== DRIVE_FOLDER_MIME_TYPE || typeof drive.fileId !== 'string') {
    throw unprocessable(`resource ${resource.id} is not a Google Drive folder`);
  }
  return drive.fileId;
}
