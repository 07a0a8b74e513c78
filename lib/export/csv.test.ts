import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { LEXICON_CSV_COLUMNS, csvField, lexiconToCsv, toCsv } from "./csv";
import { sampleLexicon } from "./fixture";

/** An RFC 4180 reader, to check that what we write reads back to the same fields. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += c;
  }
  assert.equal(field, "", "the last record ends with CRLF");
  return rows;
}

describe("CSV (RFC 4180)", () => {
  it("quotes only fields that need it, doubling quotes", () => {
    assert.equal(csvField("多元共商"), "多元共商");
    assert.equal(csvField("a,b"), '"a,b"');
    assert.equal(csvField('say "yes"'), '"say ""yes"""');
    assert.equal(csvField("two\nlines"), '"two\nlines"');
    assert.equal(csvField("cr\rhere"), '"cr\rhere"');
    assert.equal(csvField(null), "");
    assert.equal(csvField(3), "3");
  });

  it("ends every record with CRLF and round-trips awkward fields", () => {
    const rows = [["a", 'b "c"', "d,e"], ["line\r\nbreak", "", "汉字"]];
    const text = toCsv(rows);
    assert.ok(text.endsWith("\r\n"));
    assert.deepEqual(readCsv(text), rows);
  });

  it("for Excel: a UTF-8 BOM first, and formula-like fields neutralized", () => {
    const text = toCsv([["=SUM(A1)", "+1", "-x", "@cmd", "ok"]], { excel: true });
    assert.equal(text.charCodeAt(0), 0xfeff);
    assert.deepEqual(readCsv(text.slice(1)), [["'=SUM(A1)", "'+1", "'-x", "'@cmd", "ok"]]);
    assert.equal(toCsv([["=x"]]).charCodeAt(0), "=".charCodeAt(0), "without excel, data is as stored");
  });

  it("exports one row per rendering, a row for a term without renderings, statuses from the decision", () => {
    const rows = readCsv(lexiconToCsv(sampleLexicon()));
    assert.deepEqual(rows[0], [...LEXICON_CSV_COLUMNS]);
    const col = (name: (typeof LEXICON_CSV_COLUMNS)[number]) => LEXICON_CSV_COLUMNS.indexOf(name);
    const body = rows.slice(1);
    assert.equal(body.length, 5 + 1 + 1);
    assert.deepEqual(
      body.map((r) => [r[col("term")], r[col("rendering")], r[col("status")], r[col("synonym_class")], r[col("region")]]),
      [
        ["cso", "多元共商", "preferred", "standard", ""],
        ["cso", "多元協商", "preferred", "standard", "TW"],
        ["cso", "多元共生", "admitted", "alternative", ""],
        ["cso", "共商", "admitted", "short", ""],
        ["cso", "多元共进", "deprecated", "former", ""],
        ["empathy", "同理心", "candidate", "", ""],
        ["2nd-track", "", "", "", ""],
      ],
    );
    assert.equal(body[0]![col("decided_at")], "2026-02-01T10:00:00.000Z");
    assert.equal(body[4]![col("traditional")], "多元共進");
    assert.match(body[5]![col("note")]!, /no decision/);
    for (const row of body) assert.equal(row.length, LEXICON_CSV_COLUMNS.length, "every row has every column");
    assert.equal(body[0]![col("context")], sampleLexicon().entries[0]!.context);
  });

  it("carries the term's definition, context and note in both languages", () => {
    const rows = readCsv(lexiconToCsv(sampleLexicon()));
    const col = (name: (typeof LEXICON_CSV_COLUMNS)[number]) => LEXICON_CSV_COLUMNS.indexOf(name);
    const cso = sampleLexicon().entries[0]!;
    for (const row of rows.slice(1, 6)) {
      assert.equal(row[col("definition_target")], cso.definitionTarget);
      assert.equal(row[col("context_target")], cso.contextTarget);
      assert.equal(row[col("term_note")], cso.note);
      assert.equal(row[col("term_note_target")], "");
    }
    assert.equal(rows.at(-1)![col("definition_target")], "学者之间而非官员之间的对话。", "a term without renderings keeps its Chinese definition");
  });

  it("carries each rendering's rationale and the decision's decider and statements in both languages", () => {
    const lexicon = sampleLexicon();
    const rows = readCsv(lexiconToCsv(lexicon));
    const col = (name: (typeof LEXICON_CSV_COLUMNS)[number]) => rows[0]!.indexOf(name);
    for (const name of ["rationale", "statement_en", "statement_zh", "decided_by"] as const) assert.ok(col(name) >= 0, name);
    const [adopted, , admitted, , , empathy, noRenderings] = rows.slice(1);
    const decision = lexicon.entries[0]!.decision!;
    for (const row of [adopted!, admitted!]) {
      assert.equal(row[col("decided_by")], "Facilitator Wang");
      assert.equal(row[col("statement_en")], decision.statementEn);
      assert.equal(row[col("statement_zh")], "经两轮评分，两国代表团均支持。");
      assert.equal(row[col("note")], "", "a decided term's statements have their own columns, not the note");
    }
    assert.equal(empathy![col("rationale")], '=common usage, "widely" read');
    for (const name of ["decided_at", "decided_by", "statement_en", "statement_zh"] as const) assert.equal(empathy![col(name)], "", `${name}: no decision yet`);
    assert.equal(noRenderings![col("rationale")], "");
    assert.equal(noRenderings![col("note")], "");
    // Excel's variant neutralizes the formula-like rationale, the exact one keeps it as written.
    assert.equal(readCsv(lexiconToCsv(lexicon, { excel: true }).slice(1))[6]![col("rationale")], `'=common usage, "widely" read`);
  });
});
