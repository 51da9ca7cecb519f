/** The gRPC status codes Google Cloud clients throw that the code reacts to. */
export const GrpcCode = {
  INVALID_ARGUMENT: 3,
  NOT_FOUND: 5,
  ALREADY_EXISTS: 6,
  FAILED_PRECONDITION: 9,
  ABORTED: 10,
} as const;

export type GrpcCodeValue = (typeof GrpcCode)[keyof typeof GrpcCode];

/** Whether a Google Cloud client error carries the given status code. */
export function hasGrpcCode(err: unknown, code: GrpcCodeValue): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === code;
}

/**
 * A transaction that lost a lock contest: production Firestore aborts it (ABORTED, which the
 * client retries itself); the emulator closes it instead, so its next read fails with
 * INVALID_ARGUMENT "Transaction is invalid or closed". Nothing of it was committed.
 */
export function isLostTransaction(err: unknown): boolean {
  return hasGrpcCode(err, GrpcCode.ABORTED) || (hasGrpcCode(err, GrpcCode.INVALID_ARGUMENT) && /transaction is invalid or closed/i.test(String((err as Error).message)));
}
