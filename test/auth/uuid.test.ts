import { v5, validate } from 'uuid';
import { describe, expect, it } from 'vitest';
import { isUuid, uuidV5 } from '../../shared/auth/uuid.js';
import { userIdFor } from '../../shared/auth/verify.js';

/** User ids derived from non-UUID subjects are stored: the node:crypto derivation must give the ids the `uuid` package gave. */
const NAMESPACE = '6f0b1f5e-6c1d-4f53-9d7e-2b0c8f1e8a11';
const names = ['', 'a', 'https://securetoken.google.com/p|Xy9firebaseUid', 'émile|ß漢字🙂', 'x'.repeat(300)];

describe('uuid v5 without the uuid package', () => {
  it('matches the RFC 9562 example and the uuid package on every name', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
    for (const name of names) expect(uuidV5(name, NAMESPACE)).toBe(v5(name, NAMESPACE));
  });

  it('validates as the uuid package does', () => {
    const samples = [
      '3F1C2D9E-8A6B-4C1E-9F3A-5B7D2E4C6A80',
      '00000000-0000-0000-0000-000000000000',
      'ffffffff-ffff-ffff-ffff-ffffffffffff',
      '3f1c2d9e-8a6b-0c1e-9f3a-5b7d2e4c6a80',
      '3f1c2d9e-8a6b-4c1e-7f3a-5b7d2e4c6a80',
      '3f1c2d9e8a6b4c1e9f3a5b7d2e4c6a80',
      'not-a-uuid',
    ];
    for (const s of samples) expect(isUuid(s)).toBe(validate(s));
    expect(() => uuidV5('a', 'not-a-uuid')).toThrow(TypeError);
  });

  it('keeps user ids: a UUID subject is its own id (lower case), any other subject is derived per issuer', () => {
    expect(userIdFor('iss', '3F1C2D9E-8A6B-4C1E-9F3A-5B7D2E4C6A80')).toBe('3f1c2d9e-8a6b-4c1e-9f3a-5b7d2e4c6a80');
    expect(userIdFor('https://securetoken.google.com/p', 'Xy9firebaseUid')).toBe(
      v5('https://securetoken.google.com/p|Xy9firebaseUid', NAMESPACE),
    );
    expect(userIdFor('other', 'Xy9firebaseUid')).not.toBe(userIdFor('https://securetoken.google.com/p', 'Xy9firebaseUid'));
  });
});
