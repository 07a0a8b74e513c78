import { ballotInputFromForm, ballotInputSchema } from "@/lib/schemas/ballot";
import { proposeRenderingSchema } from "@/lib/schemas/rendering";
import { fieldErrorsOf } from "@/lib/validation";
import type { FieldErrors } from "@/lib/errors";

/**
 * The forms' own checks in the browser, with the schemas the server parses with. Loaded on
 * demand (`loadBrowserChecks`) when a member starts filling a form, so zod is never part of a
 * page's first load and readers never download it. The server checks again and decides.
 */
export function ballotFieldErrors(form: FormData): FieldErrors | null {
  const parsed = ballotInputSchema.safeParse(ballotInputFromForm(form));
  return parsed.success ? null : fieldErrorsOf(parsed.error);
}

export function proposalFieldErrors(values: Record<string, string>): FieldErrors | null {
  const parsed = proposeRenderingSchema.safeParse(values);
  return parsed.success ? null : fieldErrorsOf(parsed.error);
}
