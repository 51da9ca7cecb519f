/** The resources made from third-party content: what each integration puts in the Resource model. */
import { env } from '../../../shared/config.js';
import { isDriveFolder, type DriveFile } from '../../../shared/integrations/google-drive.js';
import { posterUrl, type OmdbTitle } from '../../../shared/integrations/omdb.js';
import { largestPinImage, pinPageUrl, type PinterestResult } from '../../../shared/integrations/pinterest.js';
import type { PartnerDraft } from '../store/partner-resources.js';

/** The URL clients load a partner image from: this API's cached partner thumbnail. */
export const partnerThumbnailUrl = (provider: 'imdb' | 'pinterest', id: string): string =>
  `${env('PUBLIC_BASE_URL')}/api/v0/resource/thumbnail/${provider}/${encodeURIComponent(id)}`;

const known = (value: string | undefined): string | undefined => (value && value !== 'N/A' ? value : undefined);

export function imdbDraft(title: OmdbTitle & { imdbID: string }): PartnerDraft {
  const poster = posterUrl(title);
  const imdb: Record<string, unknown> = { imdbID: title.imdbID, Trailers: title.Trailers };
  for (const field of ['Actors', 'Genre', 'Released', 'Runtime', 'Website', 'Year'] as const)
    if (title[field] !== undefined) imdb[field] = title[field];
  if (title.Ratings) imdb.Ratings = title.Ratings;
  return {
    title: title.Title ?? title.imdbID,
    description: known(title.Plot),
    date: known(title.Year),
    category: known(title.Type),
    metadata: { contentType: 'roomful#imdb', link: `https://www.imdb.com/title/${title.imdbID}/` },
    thumbnail: poster ? partnerThumbnailUrl('imdb', title.imdbID) : undefined,
    data: { imdb, ...(poster ? { thumbnailUrl: poster } : {}) },
  };
}

export function pinterestDraft(pin: PinterestResult): PartnerDraft {
  const image = largestPinImage(pin);
  const url = pinPageUrl(pin.id);
  return {
    title: pin.title || pin.description.slice(0, 200) || `Pin ${pin.id}`,
    description: pin.description || undefined,
    metadata: {
      contentType: 'roomful#pinterest',
      link: url,
      ...(image ? { dimensions: { width: image.width, height: image.height } } : {}),
    },
    thumbnail: image ? partnerThumbnailUrl('pinterest', pin.id) : undefined,
    data: { pinterest: { pin: pin.id, url }, ...(image ? { thumbnailUrl: image.url } : {}) },
  };
}

/** The Drive-derived fields of a resource: written at creation and refreshed by every sync. */
export function driveFields(
  file: DriveFile,
): Pick<PartnerDraft, 'title' | 'metadata'> & { googleDrive: { fileId: string; name: string; mimeType: string } } {
  const metadata: Record<string, unknown> = { fileName: file.name, contentType: file.mimeType };
  if (file.size !== undefined) metadata.fileSize = file.size;
  if (file.modifiedTime !== undefined) metadata.fileDate = file.modifiedTime;
  if (file.webViewLink) metadata.link = file.webViewLink;
  return { title: file.name, metadata, googleDrive: { fileId: file.id, name: file.name, mimeType: file.mimeType } };
}

export function driveDraft(file: DriveFile, id?: string): PartnerDraft {
  const { googleDrive, ...fields } = driveFields(file);
  const data: Record<string, unknown> = { googleDrive };
  if (isDriveFolder(file)) data.directory = { innerContentCount: 0 };
  return { ...fields, ...(id ? { id } : {}), data };
}
