import { publishEvents, type PendingEvent } from '../events/publish.js';
import { log } from '../log.js';
import { toClientResource, type ResourceDoc } from '../resources/model.js';

/**
 * The events announcing that a resource changed: `resource:updated` on its own channel, plus the
 * variant its belonging calls for (the owner's sorting table, upload session, or community channel).
 */
export function resourceChangeEvents(doc: ResourceDoc): PendingEvent[] {
  const resource = toClientResource(doc);
  const events: PendingEvent[] = [{ endpoint: 'resource:updated', channel: `resource:${doc.id}`, data: { belonging: doc.belonging, resource } }];
  const path = doc.belonging.slice(doc.belonging.indexOf(':') + 1);
  switch (doc.belongingType) {
    case 'userSortingTable':
      events.push({ endpoint: 'sortingTable:resourceUpdated', channel: `user:${path}`, data: { resource } });
      break;
    case 'uploadSession':
      events.push({ endpoint: 'resource:updatedInUploadSession', channel: `user:${path.split('/')[0]}`, data: { resource } });
      break;
    case 'community':
      events.push({ endpoint: 'resource:updatedInChannel', channel: `belonging:${doc.belonging}`, data: { resource } });
      break;
  }
  return events;
}

/** Publishes after the change committed; a publish failure is logged, the change stands. */
export async function announceResourceChange(doc: ResourceDoc): Promise<void> {
  try {
    await publishEvents(resourceChangeEvents(doc));
  } catch (error) {
    log.error('resource change events could not be published', { resourceId: doc.id, err: error });
  }
}
