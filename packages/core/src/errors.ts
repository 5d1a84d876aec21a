/**
 * Every kind of failure the system reports, as a closed set: its stable `code` (what API
 * clients test) and the HTTP status it is answered with, together in one table. A new kind is
 * added here or not at all (DomainError takes only these codes).
 */
export const ERROR_STATUS = {
  /** a field or a value is wrong (the message names the field or line) */
  validation: 400,
  /** the request itself cannot be read (malformed body, unknown parameter shape) */
  bad_request: 400,
  /** an uploaded document cannot be read as a plan at all */
  not_a_plan: 400,
  unauthenticated: 401,
  forbidden: 403,
  /** the right password for an account an administrator locked */
  account_locked: 403,
  /** a cookie session's write without its anti-forgery token */
  csrf: 403,
  not_found: 404,
  /** the data changed meanwhile, or the action does not fit its state */
  conflict: 409,
  payload_too_large: 413,
  unsupported_type: 415,
  rate_limited: 429,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];

/** A failure the user can act on: a stable `code` and a Vietnamese message. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "DomainError";
  }

  /** The HTTP status this kind of failure is answered with. */
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export class NotFoundError extends DomainError {
  constructor(message: string) {
    super("not_found", message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = "Bạn không có quyền thực hiện thao tác này.") {
    super("forbidden", message);
  }
}

export class ValidationError extends DomainError {
  constructor(message: string, details?: Record<string, unknown>) {
    super("validation", message, details);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string) {
    super("conflict", message);
  }
}
