import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '@cdktf/hcl2json';
import type { QueryShape, TtlUse } from '../../shared/gcp/query-shapes.js';

/**
 * Which Firestore index each recorded query needs, against what infra/ declares: composite indexes
 * (infra/firestore-indexes.json) and field overrides and TTL policies (google_firestore_field in
 * infra/firestore.tf). The emulator serves any query; production refuses one without its index.
 */
export interface DeclaredIndex {
  collectionGroup: string;
  queryScope?: 'COLLECTION' | 'COLLECTION_GROUP';
  fields: Array<{ fieldPath: string; order?: 'ASCENDING' | 'DESCENDING'; arrayConfig?: 'CONTAINS' }>;
}

export interface DeclaredField {
  collection: string;
  field: string;
  ttl: boolean;
  /** `index_config {}` without indexes: the field's single-field indexes are switched off */
  indexesDisabled: boolean;
}

export interface Coverage {
  /** queries production would refuse, each with the index it needs */
  missing: string[];
  /** declared composite indexes no recorded query uses */
  unusedIndexes: string[];
  /** TTL fields the code writes without a TTL policy */
  missingTtls: string[];
  /** TTL policies on fields the code never writes */
  unusedTtls: string[];
}

type Order = QueryShape['orders'][number];
const NAME = '__name__';
const infraDir = new URL('../../infra/', import.meta.url).pathname;

/** The order an index must have: explicit orders, then inequality fields not ordered, without equality fields. */
function effectiveOrders(shape: QueryShape): Order[] {
  const orders = shape.orders.filter((o) => !shape.equality.includes(o.field));
  for (const field of shape.ranges) if (!orders.some((o) => o.field === field)) orders.push({ field, direction: 'ASCENDING' });
  // every index ends with the document name in the direction of its last field: an explicit one adds nothing
  const last = orders.at(-1);
  if (last?.field === NAME && last.direction === (orders.at(-2)?.direction ?? 'ASCENDING')) orders.pop();
  return orders;
}

/** Undefined when Firestore's single-field indexes serve the query (merged for equalities), else the composite it needs. */
export function requiredIndex(shape: QueryShape): DeclaredIndex | undefined {
  const orders = effectiveOrders(shape);
  const arrays = shape.arrayContains.length;
  const unordered = orders.length === 0 && (arrays === 0 || (arrays === 1 && shape.equality.length === 0));
  const oneField = orders.length === 1 && arrays === 0 && shape.equality.length === 0;
  if (unordered || oneField) return undefined;
  return {
    collectionGroup: shape.collection,
    queryScope: shape.scope,
    fields: [
      ...shape.equality.map((fieldPath) => ({ fieldPath, order: 'ASCENDING' as const })),
      ...shape.arrayContains.map((fieldPath) => ({ fieldPath, arrayConfig: 'CONTAINS' as const })),
      ...orders.map((o) => ({ fieldPath: o.field, order: o.direction })),
    ],
  };
}

/** Whether a declared index serves the query: equality/array fields in any order, then exactly its orders. */
export function serves(index: DeclaredIndex, shape: QueryShape): boolean {
  if (index.collectionGroup !== shape.collection || (index.queryScope ?? 'COLLECTION') !== shape.scope) return false;
  const fields = [...index.fields];
  const last = fields.at(-1);
  if (last?.fieldPath === NAME && last.order === (fields.at(-2)?.order ?? 'ASCENDING')) fields.pop();
  const orders = effectiveOrders(shape);
  if (orders.length > fields.length) return false;
  const prefix = fields.slice(0, fields.length - orders.length);
  const tail = fields.slice(fields.length - orders.length);
  if (!tail.every((f, i) => f.fieldPath === orders[i].field && f.order === orders[i].direction)) return false;
  const equality = prefix
    .filter((f) => f.order)
    .map((f) => f.fieldPath)
    .sort();
  const arrays = prefix
    .filter((f) => f.arrayConfig === 'CONTAINS')
    .map((f) => f.fieldPath)
    .sort();
  return (
    JSON.stringify(equality) === JSON.stringify([...shape.equality].sort()) &&
    JSON.stringify(arrays) === JSON.stringify([...shape.arrayContains].sort())
  );
}

const describeIndex = (index: DeclaredIndex) =>
  `${index.collectionGroup} (${index.queryScope ?? 'COLLECTION'}): ${index.fields.map((f) => `${f.fieldPath} ${f.order ?? `array ${f.arrayConfig}`}`).join(', ')}`;
const describeShape = (s: QueryShape) =>
  `${s.collection} (${s.scope}) where ${[...s.equality.map((f) => `${f} ==`), ...s.arrayContains.map((f) => `${f} array-contains`), ...s.ranges.map((f) => `${f} range`)].join(', ') || 'nothing'}` +
  (s.orders.length ? ` order by ${s.orders.map((o) => `${o.field} ${o.direction}`).join(', ')}` : '');

export function coverage(entries: Array<QueryShape | TtlUse>, indexes: DeclaredIndex[], fields: DeclaredField[]): Coverage {
  const shapes = entries.filter((e): e is QueryShape => e.kind === 'query');
  const ttls = entries.filter((e): e is TtlUse => e.kind === 'ttl');
  const used = new Set<DeclaredIndex>();
  const missing: string[] = [];
  for (const shape of shapes) {
    const needed = requiredIndex(shape);
    if (needed) {
      const index = indexes.find((i) => serves(i, shape));
      if (index) used.add(index);
      else missing.push(`${describeShape(shape)} needs the composite index ${describeIndex(needed)}`);
      continue;
    }
    for (const field of [...shape.equality, ...shape.arrayContains, ...shape.ranges, ...shape.orders.map((o) => o.field)]) {
      if (fields.some((f) => f.indexesDisabled && f.collection === shape.collection && f.field === field)) {
        missing.push(`${describeShape(shape)} needs the single-field index of ${field}, which infra/firestore.tf switches off`);
      }
    }
  }
  const has = (list: Array<{ collection: string; field: string }>, c: string, f: string) =>
    list.some((x) => x.collection === c && x.field === f);
  return {
    missing: [...new Set(missing)],
    unusedIndexes: indexes.filter((i) => !used.has(i)).map(describeIndex),
    missingTtls: ttls
      .filter(
        (t) =>
          !has(
            fields.filter((f) => f.ttl),
            t.collection,
            t.field,
          ),
      )
      .map((t) => `${t.collection}.${t.field} has no TTL policy`),
    unusedTtls: fields.filter((f) => f.ttl && !has(ttls, f.collection, f.field)).map((f) => `${f.collection}.${f.field}`),
  };
}

export function declaredIndexes(): DeclaredIndex[] {
  return (JSON.parse(readFileSync(join(infraDir, 'firestore-indexes.json'), 'utf8')) as { indexes: DeclaredIndex[] }).indexes;
}

/** The google_firestore_field resources of infra/*.tf. */
export async function declaredFields(): Promise<DeclaredField[]> {
  const out: DeclaredField[] = [];
  for (const file of readdirSync(infraDir).filter((f) => f.endsWith('.tf'))) {
    const tf = (await parse(file, readFileSync(join(infraDir, file), 'utf8'))) as {
      resource?: Record<string, Record<string, Array<Record<string, unknown>>>>;
    };
    for (const bodies of Object.values(tf.resource?.google_firestore_field ?? {})) {
      for (const body of bodies) {
        const indexConfig = body.index_config as Array<Record<string, unknown>> | undefined;
        out.push({
          collection: String(body.collection),
          field: String(body.field),
          ttl: Array.isArray(body.ttl_config),
          indexesDisabled: Array.isArray(indexConfig) && indexConfig.every((c) => !c.indexes),
        });
      }
    }
  }
  return out;
}

/** The shapes the test workers recorded into `dir`. */
export function recordedEntries(dir: string): Array<QueryShape | TtlUse> {
  const lines = readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').filter(Boolean));
  return [...new Set(lines)].map((l) => JSON.parse(l) as QueryShape | TtlUse);
}
