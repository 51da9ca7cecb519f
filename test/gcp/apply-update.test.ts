import { randomUUID } from 'node:crypto';
import { FieldValue } from '@google-cloud/firestore';
import { describe, expect, it } from 'vitest';
import { applyUpdate } from '../../shared/gcp/apply-update.js';
import { firestore } from '../../shared/gcp/clients.js';

/** applyUpdate answers what Firestore itself stores after the same update (the change events of a commit are built from it). */
describe('applyUpdate', () => {
  const cases: Array<[string, Record<string, unknown>, Record<string, unknown>]> = [
    [
      'plain and dotted fields',
      { status: 'pending', metadata: { fileSize: 1, contentType: 'a/b' } },
      { status: 'ready', 'metadata.fileSize': 7 },
    ],
    ['a dotted path through a missing map', { title: 't' }, { 'data.audio.duration': 3 }],
    [
      'deletions, nested and top-level',
      { thumbnail: 'x', failure: 'f', metadata: { dimensions: { w: 1 }, fileSize: 2 } },
      { thumbnail: FieldValue.delete(), 'metadata.dimensions': FieldValue.delete(), failure: FieldValue.delete() },
    ],
    [
      'a map replaced by a value and a value replaced by a map',
      { data: { video: { h: 1 } }, tags: 'x' },
      { 'data.video': 5, tags: { a: 1 } },
    ],
  ];
  it.each(cases)('%s', async (_name, doc, update) => {
    const ref = firestore().collection('applyUpdateCheck').doc(randomUUID());
    await ref.set(doc);
    await ref.update(update);
    const stored = (await ref.get()).data();
    expect(applyUpdate(doc, update)).toEqual(stored);
  });

  it('leaves the document it is given unchanged', () => {
    const doc = { metadata: { fileSize: 1 } };
    applyUpdate(doc, { 'metadata.fileSize': 2 });
    expect(doc).toEqual({ metadata: { fileSize: 1 } });
  });

  it('refuses sentinels it cannot apply', () => {
    expect(() => applyUpdate({ n: 1 }, { n: FieldValue.increment(1) })).toThrow(/unsupported sentinel at n/);
  });
});
