import type { Principal } from '../../../shared/auth/principal.js';
import type { Privacy } from '../../../shared/access/privacy.js';
import { commitWithEvents } from '../../../shared/events/outbox.js';
import { firestore } from '../../../shared/gcp/clients.js';
import type { EventPublisher } from '../../../shared/registry/types.js';
import { resourceRef } from '../../../shared/resources/repository.js';
import { recordActivity } from '../../../shared/ressources/activity.js';
import type { RessourceAccess } from '../../../shared/access/ressources.js';

const samePrivacy = (a: Privacy, b: Privacy) =>
  a.value === b.value && a.perms === b.perms && a.allow.join() === b.allow.join() && a.deny.join() === b.deny.join();

/**
 * Writes a PUT /ressource/{id} and its feed entries (`updated` for the avatar, `privacy_changed`) in
 * one batch, with the access re-check `publisher` carries (a narrower privacy).
 */
export async function saveUpdate(
  principal: Principal,
  access: RessourceAccess,
  input: { avatar?: string; privacy?: Privacy },
  publisher: EventPublisher,
): Promise<void> {
  const now = Date.now();
  const batch = firestore().batch();
  batch.update(resourceRef(access.doc.id), {
    ...(input.avatar && { avatar: input.avatar }),
    ...(input.privacy && { privacy: input.privacy }),
    updated: now,
  });
  if (input.avatar && input.avatar !== access.doc.avatar)
    recordActivity(batch, access.doc.id, principal, 'updated', { fields: ['avatar'] }, now);
  if (input.privacy && !samePrivacy(input.privacy, access.privacy))
    recordActivity(batch, access.doc.id, principal, 'privacy_changed', { privacy: input.privacy }, now);
  await commitWithEvents(batch, publisher, []);
}
