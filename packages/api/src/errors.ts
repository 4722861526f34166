// The one error type business code throws. It knows nothing of HTTP or tRPC: the API's error formatter
// maps `code` to a transport code once, so services stay callable from scripts and tests unchanged.

export const domainErrorCodes = [
  "BAD_REQUEST",
  "UNAUTHORIZED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "OUT_OF_STOCK",
  "PRECONDITION_FAILED",
  "TOO_MANY_REQUESTS",
] as const;

export type DomainErrorCode = (typeof domainErrorCodes)[number];

/** Extra facts for the client, e.g. `{ variantId, available }`; must be safe to show the caller. */
export type DomainErrorDetails = Readonly<Record<string, unknown>>;

export class DomainError extends Error {
  override readonly name = "DomainError";

  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: DomainErrorDetails = {},
  ) {
    super(message);
  }
}

/** The HTTP status of each code, for the framework-free route handlers (uploads, CSV downloads). */
export const httpStatusOf: Readonly<Record<DomainErrorCode, number>> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  OUT_OF_STOCK: 409,
  PRECONDITION_FAILED: 412,
  TOO_MANY_REQUESTS: 429,
};

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
