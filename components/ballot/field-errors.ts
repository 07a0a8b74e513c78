import { errorKeyOf } from "@/lib/schemas/ballot-form";
import type { Messages } from "@/lib/i18n";

type Text = Messages["ballot"]["form"];

/** The element an error key points at: "grades.<id>" → the rendering's group, and so on. */
export function fieldAnchor(key: string): string {
  if (key === "note") return "ballot-note";
  const [kind, ...rest] = key.split(".");
  const id = rest.join(".");
  return kind === "reasons" ? `reason-${id}` : kind === "grades" && id ? `grade-${id}` : "ballot";
}

/**
 * A message in the reader's language: the schema's English messages and the service's error
 * codes have translations; anything else is shown as sent.
 */
export function translateError(messageOrCode: string, text: Text): string {
  const key = errorKeyOf(messageOrCode) ?? messageOrCode;
  return key in text.errors ? text.errors[key as keyof Text["errors"]] : messageOrCode;
}

/** What went wrong with the whole save, from the error code (unknown codes read as "generic"). */
export function translateCode(code: string, text: Text): string {
  return code in text.errors ? text.errors[code as keyof Text["errors"]] : text.errors.generic;
}
