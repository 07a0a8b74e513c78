import "server-only";
import { ZodError } from "zod";
import { isAppError } from "@/lib/errors";
import { withoutSecrets, type FormState } from "@/lib/form-state";
import { fieldErrorsOf } from "@/lib/validation";
import { MESSAGES, type Messages } from "@/lib/i18n";
import { errorText, fieldText } from "@/lib/membership/form-text";
import { messages } from "@/server/site/locale";

function translated(t: Messages, fields: Record<string, string[]>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(fields).map(([k, list]) => [k, list.map((m) => fieldText(t, MESSAGES.en, m))]));
}

/**
 * Runs a service call for a form and turns the outcome into its FormState: expected errors
 * (AppError, a zod error) become messages beside the fields, in the reader's language;
 * anything else is logged and shown only as a generic message.
 */
export async function formResult<R>(name: string, values: Record<string, string>, run: () => Promise<R>): Promise<FormState<R>> {
  const shown = withoutSecrets(values);
  const at = Date.now();
  const { t } = await messages();
  try {
    const result = await run();
    return { status: "ok", values: shown, fields: {}, result, at };
  } catch (e) {
    if (isAppError(e)) {
      const reason = typeof e.details.reason === "string" ? e.details.reason : undefined;
      const message = errorText(t, { code: e.code, reason });
      return { status: "error", values: shown, fields: translated(t, e.details.fields ?? {}), error: e.code, ...(reason ? { reason } : {}), message, at };
    }
    if (e instanceof ZodError) {
      return { status: "error", values: shown, fields: translated(t, fieldErrorsOf(e)), error: "invalid", message: t.account.codes.invalid, at };
    }
    console.error(`[${name}] unexpected error`, e);
    return { status: "error", values: shown, fields: {}, error: "internal", message: t.account.codes.generic, at };
  }
}

/**
 * For one-button forms (revoke, disable, set role): run, then go back to `path` with
 * `?done=<what>` or `?error=<code or reason>`, which the page turns into a message. Works
 * without JavaScript.
 */
export async function runThenRedirectTarget(name: string, path: string, done: string, run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
    return `${path}?done=${encodeURIComponent(done)}`;
  } catch (e) {
    if (isAppError(e)) {
      const reason = typeof e.details.reason === "string" ? e.details.reason : e.code;
      return `${path}?error=${encodeURIComponent(reason)}`;
    }
    if (e instanceof ZodError) return `${path}?error=invalid`;
    console.error(`[${name}] unexpected error`, e);
    return `${path}?error=generic`;
  }
}
