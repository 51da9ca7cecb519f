import { Firestore, FieldPath } from '@google-cloud/firestore';
import { describe, expect, it } from 'vitest';
import { shapeOf, type QueryShape } from '../../shared/gcp/query-shapes.js';
import { coverage, declaredFields, declaredIndexes, requiredIndex, type DeclaredField } from './index-coverage.js';

/**
 * The rules the test run's teardown applies to every query shape the code recorded (see
 * test/setup/query-log.ts): which queries need a composite index, which declared index serves
 * them, and field overrides and TTL policies. Shapes here come from real client queries.
 */
const db = new Firestore({ projectId: 'shapes-only' });
const resources = db.collection('resources');
const shape = (q: Parameters<typeof shapeOf>[0]): QueryShape => shapeOf(q);

describe('Firestore index coverage', () => {
  it('knows which queries single-field indexes serve and which need a composite index', () => {
    expect(requiredIndex(shape(resources.where('belonging', '==', 'a')))).toBeUndefined();
    expect(requiredIndex(shape(resources.where('belonging', '==', 'a').where('status', '==', 'ready')))).toBeUndefined();
    expect(requiredIndex(shape(resources.orderBy('created', 'desc')))).toBeUndefined();
    expect(requiredIndex(shape(resources.where('position', '>=', 1).orderBy('position')))).toBeUndefined();
    expect(requiredIndex(shape(resources.where('tags', 'array-contains', 'x')))).toBeUndefined();
    expect(
      requiredIndex(shape(resources.where('belonging', '==', 'a').orderBy('created', 'desc').orderBy(FieldPath.documentId(), 'desc'))),
    ).toEqual({
      collectionGroup: 'resources',
      queryScope: 'COLLECTION',
      fields: [
        { fieldPath: 'belonging', order: 'ASCENDING' },
        { fieldPath: 'created', order: 'DESCENDING' },
      ],
    });
    expect(
      requiredIndex(shape(db.collectionGroup('events').where('tags', 'array-contains', 'x').where('type', '==', 'y')))?.queryScope,
    ).toBe('COLLECTION_GROUP');
    expect(requiredIndex(shape(resources.where('a', '>', 1).where('b', '<', 2)))?.fields.map((f) => f.fieldPath)).toEqual(['a', 'b']);
    expect(requiredIndex(shape(resources.where('belonging', '==', 'a').count()))).toBeUndefined();
  });

  it('fails a query whose index is missing, names the index it needs, and lists indexes no query uses', () => {
    const listing = shape(resources.where('belonging', '==', 'a').orderBy('created', 'desc').orderBy(FieldPath.documentId(), 'desc'));
    const byPosition = shape(resources.where('belonging', '==', 'a').orderBy('position', 'desc'));
    const declared = declaredIndexes();
    const found = coverage([listing, byPosition], declared, []);
    expect(found.missing).toEqual([]);
    expect(found.unusedIndexes.length).toBe(declared.length - 2);

    const unindexed = shape(resources.where('ownerId', '==', 'u').orderBy('updated'));
    expect(coverage([unindexed], declared, []).missing).toEqual([
      'resources (COLLECTION) where ownerId == order by updated ASCENDING needs the composite index resources (COLLECTION): ownerId ASCENDING, updated ASCENDING',
    ]);
    // an index on the other direction or another scope does not serve it
    const reversed = {
      collectionGroup: 'resources',
      fields: [
        { fieldPath: 'ownerId', order: 'ASCENDING' as const },
        { fieldPath: 'updated', order: 'DESCENDING' as const },
      ],
    };
    expect(coverage([unindexed], [reversed], []).missing).toHaveLength(1);
    expect(
      coverage(
        [unindexed],
        [{ ...reversed, queryScope: 'COLLECTION_GROUP', fields: [reversed.fields[0], { fieldPath: 'updated', order: 'ASCENDING' }] }],
        [],
      ).missing,
    ).toHaveLength(1);
    expect(
      coverage([unindexed], [{ ...reversed, fields: [reversed.fields[0], { fieldPath: 'updated', order: 'ASCENDING' }] }], []).missing,
    ).toEqual([]);
  });

  it('checks field overrides and TTL policies against what the code queries and writes', async () => {
    const fields = await declaredFields();
    expect(fields).toEqual(
      expect.arrayContaining([
        { collection: 'processingJobs', field: 'expireAt', ttl: true, indexesDisabled: true },
        { collection: 'batches', field: 'expireAt', ttl: true, indexesDisabled: true },
        { collection: 'eventOutbox', field: 'expireAt', ttl: true, indexesDisabled: true },
        { collection: 'channelSubscriptions', field: 'expireAt', ttl: true, indexesDisabled: true },
      ]),
    );
    const ttls = [
      { kind: 'ttl' as const, collection: 'processingJobs', field: 'expireAt' },
      { kind: 'ttl' as const, collection: 'batches', field: 'expireAt' },
      { kind: 'ttl' as const, collection: 'eventOutbox', field: 'expireAt' },
      { kind: 'ttl' as const, collection: 'channelSubscriptions', field: 'expireAt' },
    ];
    expect(coverage(ttls, [], fields)).toMatchObject({ missingTtls: [], unusedTtls: [] });
    expect(coverage([{ kind: 'ttl', collection: 'sessions', field: 'expireAt' }], [], fields).missingTtls).toEqual([
      'sessions.expireAt has no TTL policy',
    ]);

    const exempt: DeclaredField[] = [{ collection: 'events', field: 'expireAt', ttl: true, indexesDisabled: true }];
    const byExpiry = shape(db.collection('rooms').doc('r').collection('events').where('expireAt', '<', new Date()));
    expect(coverage([byExpiry], [], exempt).missing).toEqual([
      'events (COLLECTION) where expireAt range needs the single-field index of expireAt, which infra/firestore.tf switches off',
    ]);
  });
});
