/**
 * What a server action returns to its form: the values to show again (what was typed, so an
 * error loses nothing; passwords are never sent back), per-field messages, the error, and on
 * success the action's result. Works the same with and without JavaScript (useActionState).
 */
export type FormError = { code: string; message: string; reason?: string };

export type FormState<R = null> = {
  status: "idle" | "ok" | "error";
  values: Record<string, string>;
  fields: Record<string, string[]>;
  error?: FormError;
  result?: R;
  /** Changes on every submission, so a form can react to two successes in a row. */
  at?: number;
};

export function idleForm<R = null>(values: Record<string, string> = {}): FormState<R> {
  return { status: "idle", values, fields: {} };
}

/** Fields never echoed back to the page. */
export function withoutSecrets(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([k]) => !/password|current/i.test(k)));
}
