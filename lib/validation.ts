import type { ZodError } from "zod";
import type { FieldErrors } from "@/lib/errors";

/** Zod issues as per-field messages keyed by dotted path ("" for the whole input). */
export function fieldErrorsOf(error: ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".");
    (out[key] ??= []).push(issue.message);
  }
  return out;
}
