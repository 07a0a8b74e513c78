import "server-only";
import { ZodError } from "zod";
import { isAppError } from "@/lib/errors";
import { formValues, withoutSecrets, type FormState } from "@/lib/form-state";
import { fieldErrorsOf } from "@/lib/validation";

/** Why a submission was refused, in codes: the AppError's code, its reason, its fields and, for a duplicate, the existing rendering. */
export type Refusal = Pick<FormState, "error" | "reason" | "fields" | "existing">;

/** An action's failure in codes: expected errors (AppError, a zod error) as they are, anything else logged and "internal". */
export function refusalOf(e: unknown, where: string): Refusal {
  if (e instanceof ZodError) return { error: "invalid", fields: fieldErrorsOf(e) };
  if (isAppError(e)) {
    const { fields, reason, existing } = e.details as { fields?: Record<string, string[]>; reason?: unknown; existing?: FormState["existing"] };
    return {
      error: e.code,
      ...(typeof reason === "string" ? { reason } : {}),
      ...(fields ? { fields } : {}),
      ...(existing !== undefined ? { existing } : {}),
    };
  }
  console.error(`[${where}] unexpected error`, e);
  return { error: "internal" };
}

/** The text fields of a submitted form (not React's own $ACTION fields). */
function textFields(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of form) if (typeof value === "string" && !name.startsWith("$ACTION")) out[name] = value;
  return out;
}

type Options = {
  /** The fields the service reads (default: every text field of the form). */
  fields?: readonly string[];
  /** What to show again after a refusal, when it is not the fields as typed. */
  echo?: Record<string, string>;
};

/**
 * The one way a form's server action runs its service: FormData → service → FormState. The
 * values as typed come back (never a password) so nothing is lost; a refusal comes back as
 * codes (`refusalOf`), which the form translates into the reader's language.
 * Next's redirect() must be called after it, outside: Next signals a redirect by throwing.
 */
export async function formAction<R>(
  name: string,
  form: FormData,
  service: (values: Record<string, string>) => Promise<R>,
  { fields, echo }: Options = {},
): Promise<FormState<R>> {
  const values = fields ? formValues(form, fields) : textFields(form);
  const shown = withoutSecrets(echo ?? values);
  try {
    const result = await service(values);
    return { status: "ok", result, values: shown, at: Date.now() };
  } catch (e) {
    return { status: "error", ...refusalOf(e, name), values: shown, at: Date.now() };
  }
}

/**
 * For the one-button forms of the admin and profile pages (revoke, disable, set role), which
 * change the row they sit in: run, then go back to `path` with `?done=<what>` or
 * `?error=<reason or code>`, which the page translates (components/account/flash.tsx). Works
 * without JavaScript.
 */
export async function runThenRedirectTarget(name: string, path: string, done: string, run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
    return `${path}?done=${encodeURIComponent(done)}`;
  } catch (e) {
    const refusal = refusalOf(e, name);
    return `${path}?error=${encodeURIComponent(refusal.reason ?? refusal.error ?? "internal")}`;
  }
}
