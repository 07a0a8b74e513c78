import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { MESSAGES } from "./index";
import { codeDictionaries, codeText, errorTexts } from "./codes";
import { PROPOSAL_ERROR_CODES } from "@/lib/schemas/rendering";
import { COMMENT_ERROR_CODES } from "@/lib/schemas/comment";
import { TERM_ERROR_CODES } from "@/lib/schemas/term-input";
import { DECISION_ERROR_CODES } from "@/lib/schemas/decision";
import { ACCOUNT_ERROR_CODES } from "@/lib/schemas/account";
import { INVITE_ERROR_CODES } from "@/lib/schemas/invite";
import { ADMIN_ERROR_CODES } from "@/lib/schemas/site-admin";
import { BALLOT_ERROR_CODES } from "@/lib/schemas/ballot";
import { STATUS_OF } from "@/lib/errors";

/** Every code a schema or a service can put on a field, and the generic ones. */
const FIELD_CODES = [
  ...PROPOSAL_ERROR_CODES,
  ...COMMENT_ERROR_CODES,
  ...TERM_ERROR_CODES,
  ...DECISION_ERROR_CODES,
  ...ACCOUNT_ERROR_CODES,
  ...INVITE_ERROR_CODES,
  ...ADMIN_ERROR_CODES,
  ...BALLOT_ERROR_CODES,
  "invalid_value",
  "text_nul",
  "text_malformed",
];

describe("error codes", () => {
  for (const locale of ["en", "zh"] as const) {
    const t = MESSAGES[locale];
    it(`${locale}: every field code, every service reason and every AppError code has a text`, () => {
      const texts = errorTexts(t);
      for (const code of FIELD_CODES) assert.ok(Object.hasOwn(texts, code) && texts[code]!.trim(), `no ${locale} text for ${code}`);
      for (const code of Object.keys(MESSAGES.en.codes)) assert.ok(t.codes[code as keyof typeof t.codes].trim(), `codes.${code}`);
      for (const code of [...Object.keys(STATUS_OF), "internal", "network"]) assert.ok((t.forms.errors as Record<string, string>)[code], `forms.errors.${code}`);
    });
  }

  it("the two languages word the same codes", () => {
    assert.deepEqual(Object.keys(errorTexts(MESSAGES.zh)).sort(), Object.keys(errorTexts(MESSAGES.en)).sort());
  });

  it("a code means one thing: a code worded in two dictionaries (a field two forms share) has the same text in both, in both languages", () => {
    for (const locale of ["en", "zh"] as const) {
      const seen = new Map<string, { i: number; text: string }>();
      codeDictionaries(MESSAGES[locale]).forEach((dict, i) => {
        for (const [code, text] of Object.entries(dict)) {
          const before = seen.get(code);
          assert.ok(!before || before.text === text, `${locale}: ${code} means "${before?.text}" in dictionary ${before?.i} and "${text}" in ${i}`);
          seen.set(code, { i, text });
        }
      });
    }
  });

  it("codes are codes: lower case and underscores, never sentences", () => {
    for (const code of Object.keys(errorTexts(MESSAGES.en))) assert.match(code, /^[a-z][a-z0-9_]*$/);
  });

  it("an unknown code reads as the generic message, never as itself", () => {
    assert.equal(codeText(errorTexts(MESSAGES.zh), "no_such_code"), MESSAGES.zh.codes.invalid_value);
  });
});

/** Issue 12: a ballot form refused by the write admission (503) says so, not "something went wrong". */
describe("the ballot form's message when the server is overloaded", () => {
  for (const locale of ["en", "zh"] as const) {
    it(`${locale}: has its own text`, () => {
      const errors = MESSAGES[locale].ballot.form.errors;
      assert.ok(errors.overloaded.length > 0);
      assert.notEqual(errors.overloaded, errors.internal);
    });
  }
});
