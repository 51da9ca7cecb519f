/**
 * The one place that reads Google Cloud client errors. Firestore and Pub/Sub throw gRPC status
 * codes; Cloud Storage throws HTTP statuses.
 */
export const GrpcCode = {
  INVALID_ARGUMENT: 3,
  NOT_FOUND: 5,
  ALREADY_EXISTS: 6,
  FAILED_PRECONDITION: 9,
  ABORTED: 10,
} as const;

export type GrpcCodeValue = (typeof GrpcCode)[keyof typeof GrpcCode];

export const StorageStatus = {
  NOT_FOUND: 404,
  PRECONDITION_FAILED: 412,
} as const;

export type StorageStatusValue = (typeof StorageStatus)[keyof typeof StorageStatus];

const codeOf = (err: unknown): unknown => (typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined);

/** Whether a Firestore or Pub/Sub client error carries the given gRPC status code. */
export function hasGrpcCode(err: unknown, code: GrpcCodeValue): boolean {
  return codeOf(err) === code;
}

/** Whether a Cloud Storage client error carries the given HTTP status. */
export function hasStorageStatus(err: unknown, status: StorageStatusValue): boolean {
  return codeOf(err) === status;
}

/** A missing document, topic, subscription (gRPC NOT_FOUND) or object (HTTP 404). */
export function isNotFound(err: unknown): boolean {
  return hasGrpcCode(err, GrpcCode.NOT_FOUND) || hasStorageStatus(err, StorageStatus.NOT_FOUND);
}

/** A create that lost to one made concurrently (a topic, a subscription, a document). */
export const isAlreadyExists = (err: unknown): boolean => hasGrpcCode(err, GrpcCode.ALREADY_EXISTS);

/**
 * A transaction that lost a lock contest: production Firestore aborts it (ABORTED, which the
 * client retries itself); the emulator closes it instead, so its next read fails with
 * INVALID_ARGUMENT "Transaction is invalid or closed". Nothing of it was committed.
 */
export function isLostTransaction(err: unknown): boolean {
  return (
    hasGrpcCode(err, GrpcCode.ABORTED) ||
    (hasGrpcCode(err, GrpcCode.INVALID_ARGUMENT) && /transaction is invalid or closed/i.test(String((err as Error).message)))
  );
}
