import type { Messages } from "./messages";

/**
 * Schemas and services speak in codes ("reason_required", "stage_closed", "email_taken"); the
 * interface says them in the reader's language. A field's or a refusal's code has its text in
 * one of the dictionaries below (codes are unique across them: a unit test checks); the codes
 * of AppError (lib/errors.ts) have theirs in forms.errors.
 */
export function codeDictionaries(t: Messages): Record<string, string>[] {
  const { summary: _b, ...ballot } = t.ballot.form.errors;
  const { summary: _p, ...proposal } = t.proposal.errors;
  const { summary: _d, ...discussion } = t.discussion.errors;
  const { summary: _f, ...facilitation } = t.facilitation.errors;
  return [t.codes, proposal, discussion, facilitation, fieldCodesOf(ballot)];
}

/** The ballot's dictionary also words the AppError codes for a ballot; those are not field codes. */
function fieldCodesOf(ballot: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(ballot).filter(([code]) => !FORM_WIDE.has(code)));
}
const FORM_WIDE = new Set(["bad_request", "unauthorized", "forbidden", "stage_closed", "not_found", "conflict", "invalid", "rate_limited", "overloaded", "internal", "network"]);

/** Every code and its text, field codes and AppError codes alike. */
export type ErrorTexts = Record<string, string>;

/** One dictionary of every code, for a form to translate what its action answered. */
export function errorTexts(t: Messages): ErrorTexts {
  return Object.assign({}, t.forms.errors, ...codeDictionaries(t)) as ErrorTexts;
}

/** The text of a code; an unknown code reads as the generic "check this field" text rather than as itself. */
export function codeText(texts: ErrorTexts, code: string): string {
  return Object.prototype.hasOwnProperty.call(texts, code) ? texts[code]! : (texts.invalid_value ?? code);
}
