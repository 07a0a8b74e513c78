import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { MESSAGES } from "./index";
import { PROPOSAL_ERROR_CODES } from "@/lib/schemas/rendering";
import { COMMENT_ERROR_CODES } from "@/lib/schemas/comment";
import { TERM_ERROR_CODES } from "@/lib/schemas/term-input";
import { DECISION_ERROR_CODES } from "@/lib/schemas/decision";
import { STATUS_OF } from "@/lib/errors";

/** Every message code a schema or service can send to a form has a text in both languages. */
describe("error codes of the proposal, discussion and facilitation forms", () => {
  for (const locale of ["en", "zh"] as const) {
    const t = MESSAGES[locale];
    it(`${locale}: every code has a message`, () => {
      for (const code of PROPOSAL_ERROR_CODES) assert.ok(t.proposal.errors[code], `proposal.errors.${code}`);
      for (const code of COMMENT_ERROR_CODES) assert.ok(t.discussion.errors[code], `discussion.errors.${code}`);
      for (const code of [...TERM_ERROR_CODES, ...DECISION_ERROR_CODES]) assert.ok((t.facilitation.errors as Record<string, string>)[code], `facilitation.errors.${code}`);
      for (const code of [...Object.keys(STATUS_OF), "internal"]) assert.ok((t.forms.errors as Record<string, string>)[code], `forms.errors.${code}`);
    });
  }
});

/** Issue 12: a ballot form refused by the write admission (503) says so, not "something went wrong". */
describe("the ballot form's message when the server is overloaded", () => {
  for (const locale of ["en", "zh"] as const) {
    it(`${locale}: has its own text`, () => {
      const errors = MESSAGES[locale].ballot.form.errors;
      assert.ok(errors.overloaded.length > 0);
      assert.notEqual(errors.overloaded, errors.generic);
    });
  }
});
