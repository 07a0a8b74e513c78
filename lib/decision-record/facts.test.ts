import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { MESSAGES } from "@/lib/i18n";
import { ballotExportSchema, tally, type Results, type StoredResults } from "@/lib/tally";
import { recordFacts, votersByDelegation } from "./facts";
import { robustnessSentences } from "./robustness-text";

const fixture = ballotExportSchema.parse(JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../test/fixtures/tally/cso-example.json"), "utf8")));
const results = tally(fixture);
const texts = fixture.renderings.map((r) => ({ id: r.id, text: r.text, pinyin: `py ${r.text}` }));

describe("record facts", () => {
  it("lists the ranking with roles, medians per delegation and blocks, then named renderings outside it", () => {
    const [first, second] = results.ranking;
    const facts = recordFacts({ results, renderings: texts, decision: { adopted: first!, admitted: [second!], deprecated: ["r-gone"] }, frozen: fixture });
    assert.deepEqual(facts.renderings.map((r) => r.id), [...results.ranking, "r-gone"]);
    assert.equal(facts.renderings[0]!.role, "adopted");
    assert.equal(facts.renderings[1]!.role, "admitted");
    assert.equal(facts.renderings.at(-1)!.role, "deprecated");
    assert.equal(facts.renderings.at(-1)!.rank, null);
    for (const r of facts.renderings.slice(0, results.ranking.length)) {
      assert.deepEqual(r.medianByDelegation, results.renderings[r.id]!.medianByDelegation);
      assert.deepEqual(r.blocks.map((b) => b.delegation), results.renderings[r.id]!.blockedBy.map((b) => b.delegation));
    }
    assert.ok(facts.renderings.some((r) => r.blocks.some((b) => b.reasons.length > 0)), "the example has blocks with reasons");
  });

  it("counts voters per delegation as the tally does, and summarizes the pairwise matrix of the leaders", () => {
    const facts = recordFacts({ results, renderings: texts, frozen: fixture, pairwiseTop: 3 });
    const perDelegation = facts.votersByDelegation!;
    assert.equal(Object.values(perDelegation).reduce((a, b) => a + b, 0), results.voters);
    assert.deepEqual(Object.keys(perDelegation).sort(), [...results.delegations].sort());
    assert.equal(facts.pairs.length, 3);
    const [x, y] = results.ranking;
    assert.deepEqual(facts.pairs[0], { x, y, xy: results.pairwise[x!]![y!], yx: results.pairwise[y!]![x!] });
    assert.equal(recordFacts({ results, renderings: texts }).votersByDelegation, null);
  });

  it("a ballot that grades no counted rendering is no voter", () => {
    const withEmpty = { ...fixture, ballots: [...fixture.ballots, { voter: "v-empty", delegation: "China", grades: { "r-elsewhere": "good" as const } }] };
    assert.deepEqual(votersByDelegation(withEmpty), votersByDelegation(fixture));
  });
});

describe("robustness in words", () => {
  const textOf = (id: string) => results.renderings[id]?.text ?? id;
  const consensus = results.consensus!;
  const withRobustness = (robustness: StoredResults["robustness"]): StoredResults => ({ ...results, robustness });

  it("says nothing when the results carry no robustness", () => {
    assert.deepEqual(robustnessSentences({ ...results, robustness: undefined }, textOf, MESSAGES.en.decisionRecord.robustness), []);
  });

  it("one sentence per delegation, closest call first, then the ballots that would change the consensus", () => {
    const r = withRobustness({ consensus, blockMargin: { Canada: 2, China: 1 }, ballotsToChange: 1, exact: true });
    const en = robustnessSentences(r, textOf, MESSAGES.en.decisionRecord.robustness);
    assert.deepEqual(en, [
      `1 ballot of China would have to change for ${textOf(consensus)} to stop being acceptable to it.`,
      `2 ballots of Canada would have to change for ${textOf(consensus)} to stop being acceptable to it.`,
      "Changing 1 ballot would be enough to make the consensus something else.",
    ]);
    const zh = robustnessSentences(r, textOf, MESSAGES.zh.decisionRecord.robustness);
    assert.equal(zh.length, 3);
    assert.match(zh[0]!, /China 代表团只要有 1 张选票改变/);
    const bound = robustnessSentences(withRobustness({ consensus, blockMargin: {}, ballotsToChange: 3, exact: false }), textOf, MESSAGES.en.decisionRecord.robustness);
    assert.match(bound[0]!, /^Changing 3 ballots would be enough .*upper bound/);
  });

  it("with no consensus, what it would take for the leader to qualify", () => {
    const leader = results.ranking[0]!;
    const r: Results = { ...results, consensus: null, robustness: { consensus: null, blockMargin: { Canada: 0, China: 2 }, ballotsToChange: 2, exact: true } };
    assert.deepEqual(robustnessSentences(r, textOf, MESSAGES.en.decisionRecord.robustness), [
      `2 ballots of China would have to change for ${textOf(leader)} to become acceptable to it.`,
      `2 ballots in all would have to change for ${textOf(leader)} to qualify.`,
    ]);
  });
});
