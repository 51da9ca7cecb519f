/** The gRPC status codes Google Cloud clients throw that the code reacts to. */
export const GrpcCode = {
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
