import type { Messages } from "@/lib/i18n";
import { accountErrorKey } from "@/lib/schemas/account";
import { inviteErrorKey } from "@/lib/schemas/invite";
import { adminErrorKey } from "@/lib/schemas/site-admin";

/**
 * The reader's-language text of what the membership services say in English: field messages
 * (the schemas' constants and the services' reasons) and errors (by reason, else by code).
 * Unknown text is shown as it is rather than hidden.
 */
export function fieldText(t: Messages, english: Messages, message: string): string {
  const a = accountErrorKey(message);
  if (a) return t.account.fieldErrors[a];
  const i = inviteErrorKey(message) ?? adminErrorKey(message);
  if (i) return t.admin.fieldErrors[i];
  const reason = (Object.keys(english.account.reasons) as (keyof Messages["account"]["reasons"])[]).find(
    (k) => english.account.reasons[k] === message,
  );
  return reason ? t.account.reasons[reason] : message;
}

export function errorText(t: Messages, error: { code: string; reason?: string }): string {
  const reasons = t.account.reasons as Record<string, string>;
  if (error.reason && error.reason in reasons) return reasons[error.reason]!;
  const codes = t.account.codes as Record<string, string>;
  return codes[error.code] ?? t.account.codes.generic;
}
