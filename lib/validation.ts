import type { ZodError } from "zod";
import type { FieldErrors } from "@/lib/errors";

/** A message code: what our schemas give as an issue's message ("reason_required"). */
const CODE = /^[a-z][a-z0-9_]*$/;

/**
 * Zod issues as per-field codes keyed by dotted path ("" for the whole input). An issue our
 * schemas did not word (zod's own English sentence) becomes "invalid_value": the interface
 * speaks codes only.
 */
export function fieldErrorsOf(error: ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".");
    (out[key] ??= []).push(CODE.test(issue.message) ? issue.message : "invalid_value");
  }
  return out;
}
