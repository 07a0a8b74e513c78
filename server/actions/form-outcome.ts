import "server-only";
import { ZodError } from "zod";
import { isAppError } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/validation";
import type { FormState } from "@/lib/form-state";

/** An action's failure as form state: expected errors by code, anything else logged and generic. */
export function failure(e: unknown, values: Record<string, string>, where: string): FormState {
  const at = Date.now();
  if (e instanceof ZodError) return { status: "error", error: "invalid", fields: fieldErrorsOf(e), values, at };
  if (isAppError(e)) {
    const { fields, reason, existing } = e.details as { fields?: Record<string, string[]>; reason?: unknown; existing?: FormState["existing"] };
    return {
      status: "error",
      error: e.code,
      ...(typeof reason === "string" ? { reason } : {}),
      ...(fields ? { fields } : {}),
      ...(existing !== undefined ? { existing } : {}),
      values,
      at,
    };
  }
  console.error(`[${where}] unexpected error`, e);
  return { status: "error", error: "internal", values, at };
}

export function success(result: Record<string, string> = {}): FormState {
  return { status: "ok", result, values: {}, at: Date.now() };
}
