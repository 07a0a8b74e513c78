import assert from "node:assert/strict";
import { ZodError } from "zod";
import { isAppError, type AppError, type ErrorCode } from "@/lib/errors";

/**
 * Asserts that `promise` fails with a typed AppError of this code (and, given, this
 * `details.reason`), and returns the error for further checks. `zodCountsAsInvalid`: a
 * ZodError is accepted too when `code` is "invalid" (services that let the shared schema throw).
 */
export async function expectAppError(
  promise: Promise<unknown>,
  code: ErrorCode,
  { reason, zodCountsAsInvalid = false }: { reason?: string; zodCountsAsInvalid?: boolean } = {},
): Promise<AppError> {
  let caught: unknown;
  await assert.rejects(promise, (e) => {
    caught = e;
    return true;
  });
  if (zodCountsAsInvalid && code === "invalid" && !reason && caught instanceof ZodError) return caught as unknown as AppError;
  assert.ok(isAppError(caught), `expected AppError ${code}, got ${String(caught)}`);
  assert.equal(caught.code, code, caught.message);
  if (reason !== undefined) assert.equal(caught.details.reason, reason);
  return caught;
}

/** Asserts the shared zod schema refused the input, with this message code on this field. */
export async function expectInvalid(promise: Promise<unknown>, field: string, message: string): Promise<void> {
  await assert.rejects(promise, (e) => {
    assert.ok(e instanceof ZodError, `expected a ZodError, got ${String(e)}`);
    assert.ok(
      e.issues.some((i) => i.path.join(".") === field && i.message === message),
      `expected ${field}: ${message}, got ${JSON.stringify(e.issues.map((i) => [i.path.join("."), i.message]))}`,
    );
    return true;
  });
}
