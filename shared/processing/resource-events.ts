import { publishEvents } from '../events/publish.js';
import { log } from '../log.js';
import { resourceUpdatedEvents } from '../resources/change-events.js';
import type { ResourceDoc } from '../resources/model.js';

/** Publishes the change events of a settled resource after its write committed; a publish failure is logged, the change stands. */
export async function announceResourceChange(doc: ResourceDoc): Promise<void> {
  try {
    await publishEvents(await resourceUpdatedEvents(doc));
  } catch (error) {
    log.error('resource change events could not be published', { resourceId: doc.id, err: error });
  }
}
