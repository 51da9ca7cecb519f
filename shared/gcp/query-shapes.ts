import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AggregateQuery, AggregateSpec, Query } from '@google-cloud/firestore';

/**
 * Every Firestore query the code runs passes through `recordQuery` (and every TTL field it writes
 * through `ttlExpiry`). With FIRESTORE_QUERY_LOG_DIR set (the test run sets it), each distinct shape
 * is appended to a file of that folder, so the run can prove each query has the index production
 * needs; otherwise they cost nothing.
 */
export interface QueryShape {
  kind: 'query';
  collection: string;
  scope: 'COLLECTION' | 'COLLECTION_GROUP';
  /** `==` and `in` */
  equality: string[];
  /** `array-contains` and `array-contains-any` */
  arrayContains: string[];
  /** `<`, `<=`, `>`, `>=`, `!=`, `not-in`, null checks */
  ranges: string[];
  orders: Array<{ field: string; direction: 'ASCENDING' | 'DESCENDING' }>;
}

export interface TtlUse {
  kind: 'ttl';
  collection: string;
  field: string;
}

interface FieldFilter {
  field: { fieldPath: string };
  op: string;
}
interface Filter {
  compositeFilter?: { filters: Filter[] };
  fieldFilter?: FieldFilter;
  unaryFilter?: FieldFilter;
}
interface StructuredQuery {
  from?: Array<{ collectionId: string; allDescendants?: boolean }>;
  where?: Filter;
  orderBy?: Array<{ field: { fieldPath: string }; direction?: string }>;
}

const EQUALITY = new Set(['EQUAL', 'IN']);
const ARRAY = new Set(['ARRAY_CONTAINS', 'ARRAY_CONTAINS_ANY']);

function filtersOf(filter: Filter | undefined): FieldFilter[] {
  if (!filter) return [];
  if (filter.compositeFilter) return filter.compositeFilter.filters.flatMap(filtersOf);
  return [filter.fieldFilter ?? filter.unaryFilter!];
}

/** The shape of a query: what decides which index serves it. */
export function shapeOf(query: Query | AggregateQuery<AggregateSpec>): QueryShape {
  // an aggregation (count) runs over its `query`
  const base = 'toStructuredQuery' in query ? query : (query as AggregateQuery<AggregateSpec>).query;
  const structured = (base as unknown as { toStructuredQuery(): StructuredQuery }).toStructuredQuery();
  const from = structured.from?.[0];
  const filters = filtersOf(structured.where);
  const fields = (ops: (op: string) => boolean) => [...new Set(filters.filter((f) => ops(f.op)).map((f) => f.field.fieldPath))].sort();
  return {
    kind: 'query',
    collection: from?.collectionId ?? '',
    scope: from?.allDescendants ? 'COLLECTION_GROUP' : 'COLLECTION',
    equality: fields((op) => EQUALITY.has(op)),
    arrayContains: fields((op) => ARRAY.has(op)),
    ranges: fields((op) => !EQUALITY.has(op) && !ARRAY.has(op)),
    orders: (structured.orderBy ?? []).map((o) => ({
      field: o.field.fieldPath,
      direction: o.direction === 'DESCENDING' ? 'DESCENDING' : 'ASCENDING',
    })),
  };
}

const seen = new Set<string>();

function record(entry: QueryShape | TtlUse): void {
  const dir = process.env.FIRESTORE_QUERY_LOG_DIR;
  if (!dir) return;
  const line = JSON.stringify(entry);
  if (seen.has(line)) return;
  seen.add(line);
  appendFileSync(join(dir, `shapes-${process.pid}.jsonl`), `${line}\n`);
}

/** Returns the query unchanged; records its shape when the run asks for it. Wrap a query where it runs. */
export function recordQuery<Q extends object>(query: Q): Q {
  if (process.env.FIRESTORE_QUERY_LOG_DIR) record(shapeOf(query as unknown as Query | AggregateQuery<AggregateSpec>));
  return query;
}

/** The expiry to store in a field a Firestore TTL policy deletes documents by (declared in infra/firestore.tf). */
export function ttlExpiry(collection: string, field: string, atMillis: number): Date {
  record({ kind: 'ttl', collection, field });
  return new Date(atMillis);
}
