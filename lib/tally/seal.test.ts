import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { ballotsDigest, canonicalJson, sha256Hex } from "./seal";

const fixture = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../test/fixtures/tally/cso-example.json"), "utf8"));

test("canonical JSON follows RFC 8785: sorted keys (UTF-16 order), no whitespace, ES number form", () => {
  assert.equal(canonicalJson({ b: 1, a: [true, null, "x"], "€": 0, "\u00e9": 2 }), '{"a":[true,null,"x"],"b":1,"é":2,"€":0}');
  // RFC 8785 §3.2.3: number serialization.
  assert.equal(canonicalJson([1e21, 0.000001, 1e-7, -0, 4.5]), "[1e+21,0.000001,1e-7,0,4.5]");
  // Strings keep non-ASCII as is; only the mandatory escapes.
  assert.equal(canonicalJson({ t: "多元\n\"共存\"" }), '{"t":"多元\\n\\"共存\\""}');
  assert.throws(() => canonicalJson({ bad: "\ud800" }));
});

test("the digest is the SHA-256 of the canonical text, whatever the key order or spacing of the input", () => {
  const reordered = JSON.parse(JSON.stringify({ ballots: fixture.ballots, renderings: fixture.renderings, term: fixture.term }, null, 4));
  assert.equal(ballotsDigest(reordered), ballotsDigest(fixture));
  assert.match(ballotsDigest(fixture), /^[0-9a-f]{64}$/);
  assert.equal(ballotsDigest(fixture), sha256Hex(canonicalJson(fixture)));
  // Known answer: SHA-256 of the empty object's canonical form "{}".
  assert.equal(ballotsDigest({}), "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
});

test("one changed grade changes the digest", () => {
  const changed = structuredClone(fixture);
  const first = changed.ballots[0];
  const [id, grade] = Object.entries(first.grades)[0] as [string, string];
  first.grades[id] = grade === "good" ? "very_good" : "good";
  assert.notEqual(ballotsDigest(changed), ballotsDigest(fixture));
});
