import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { NOTE_MAX, ballotInputFromForm, ballotInputSchema } from "./ballot";
import { fieldErrorsOf } from "@/lib/validation";

function errors(input: unknown) {
  const parsed = ballotInputSchema.safeParse(input);
  assert.ok(!parsed.success, "expected the input to be refused");
  return fieldErrorsOf(parsed.error);
}

describe("ballot input", () => {
  test("keeps grades as given, reasons only for rejects (trimmed), and trims the note", () => {
    assert.deepStrictEqual(
      ballotInputSchema.parse({
        grades: { a: "excellent", b: "reject" },
        reasons: { a: "not a reject", b: "  too literal ", c: "ungraded" },
        note: "  mine ",
      }),
      { grades: { a: "excellent", b: "reject" }, reasons: { b: "too literal" }, note: "mine" },
    );
    assert.deepStrictEqual(ballotInputSchema.parse({ grades: {} }), { grades: {}, reasons: {}, note: "" });
  });

  test("refuses, per field, an unknown grade, a reject without reason, and a note too long", () => {
    assert.deepStrictEqual(errors({ grades: { a: "great" } }), { "grades.a": ["unknown_grade"] });
    assert.deepStrictEqual(errors({ grades: { a: "reject" }, reasons: { a: " " } }), { "reasons.a": ["reason_required"] });
    assert.deepStrictEqual(errors({ grades: {}, note: "x".repeat(NOTE_MAX + 1) }), { note: ["note_too_long"] });
    assert.ok(errors({ grades: "good" }).grades);
    assert.ok(errors(null)[""]);
    // All at once, so the form can show every problem after one save.
    assert.deepStrictEqual(errors({ grades: { a: "great", b: "reject" }, reasons: 7 }), {
      "grades.a": ["unknown_grade"],
      reasons: ["invalid_value"],
      "reasons.b": ["reason_required"],
    });
  });

  test("reads the form's fields: an empty grade is no opinion, empty reasons are left out", () => {
    const form: [string, string][] = [
      ["grades.a", "good"],
      ["grades.b", ""],
      ["grades.c", "reject"],
      ["reasons.a", ""],
      ["reasons.c", "why not"],
      ["note", "n"],
      ["$ACTION_ID_x", "ignored"],
    ];
    assert.deepStrictEqual(ballotInputFromForm(form), { grades: { a: "good", c: "reject" }, reasons: { c: "why not" }, note: "n" });
  });
});
