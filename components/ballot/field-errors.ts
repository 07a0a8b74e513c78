import type { Messages } from "@/lib/i18n";

type Text = Messages["ballot"]["form"];

/** The element an error key points at: "grades.<id>" → the rendering's group, and so on. */
export function fieldAnchor(key: string): string {
  if (key === "note") return "ballot-note";
  const [kind, ...rest] = key.split(".");
  const id = rest.join(".");
  return kind === "reasons" ? `reason-${id}` : kind === "grades" && id ? `grade-${id}` : "ballot";
}

/** A field's code in the reader's language (lib/schemas/ballot-form.ts lists the codes; a unit test checks each has a text). */
export function translateError(code: string, text: Text): string {
  return code in text.errors ? text.errors[code as keyof Text["errors"]] : code;
}

/** What went wrong with the whole save, from the error code (unknown codes read as "internal"). */
export function translateCode(code: string, text: Text): string {
  return code in text.errors ? text.errors[code as keyof Text["errors"]] : text.errors.internal;
}
