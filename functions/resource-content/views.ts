import { encryptionOf } from '../../shared/content/locate.js';
import type { ResourceDoc } from '../../shared/resources/model.js';

/** `resource:getResourceUrl`'s answer: the signed URL and the encryption parameters the resource declares. */
export function resourceUrlView(url: string, source: ResourceDoc) {
  const { encryptionVersion, encryptionEpoch, encryptionEpk } = encryptionOf(source);
  return {
    url,
    ...(encryptionVersion !== undefined ? { encryptionVersion } : {}),
    ...(encryptionEpoch !== undefined ? { encryptionEpoch } : {}),
    ...(encryptionEpk !== undefined ? { encryptionEpk } : {}),
  };
}
