/**
 * Expected failures, typed. Services throw these; routes map them to HTTP status codes and
 * pages to messages in the reader's language. Anything else is a bug: logged, and shown only
 * as a generic message.
 */
export type ErrorCode =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "invalid"
  | "conflict"
  | "rate_limited"
  | "stage_closed"
  | "overloaded";

export const STATUS_OF: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  stage_closed: 403,
  not_found: 404,
  conflict: 409,
  invalid: 422,
  rate_limited: 429,
  overloaded: 503,
};

/**
 * Per-field message codes ("reason_required"), keyed by the input path ("reasons.r1", "text").
 * The API answers each field's code with its English text; the forms translate the code.
 */
export type FieldErrors = Record<string, string[]>;

/** A field's refusal as the API sends it: the code and its English text. */
export type FieldIssue = { code: string; message: string };

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { fields?: FieldErrors; [k: string]: unknown } = {},
  ) {
    super(message);
    this.name = "AppError";
  }
  get status() {
    return STATUS_OF[this.code];
  }
}

/** A request body that is not what the endpoint reads at all (not JSON, not an object). */
export const badRequest = (message: string) => new AppError("bad_request", message);
export const unauthorized = (message = "Sign in first.") => new AppError("unauthorized", message);
export const forbidden = (message = "You may not do this.") => new AppError("forbidden", message);
export const notFound = (what: string) => new AppError("not_found", `${what} not found.`);
export const invalid = (message: string, fields?: FieldErrors) => new AppError("invalid", message, { fields });
export const conflict = (message: string, details: Record<string, unknown> = {}) => new AppError("conflict", message, details);

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
