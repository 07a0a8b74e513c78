import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { it } from "node:test";
import { describeEachEngine } from "@/test/support/db";
import { createActor, addRendering, grade, makeTerm, type Rendering } from "@/test/support/factories";
import { getDecision, getFrozenBallots, listDecisions, recordDecision } from "@/server/decisions/service";
import { moveStage } from "@/server/terms/admin";
import { castBallot, getBallot } from "@/server/ballots/service";
import { exportBallots } from "@/server/ballots/export";
import { ballotExportSchema, tally } from "@/lib/tally";
import { ballotsDigest } from "@/lib/tally/seal";
import { expectAppError } from "@/test/support/expect";
import { runTallyCli } from "@/test/support/cli";
import type { Db } from "@/server/db/client";

/** Issue 15: a decision freezes the export it rests on and stores the digest of its canonical JSON. */

async function scene(db: Db) {
  const term = await makeTerm(db, { texts: ["多元共商", "多元共生", "多元共存"], start: new Date(Date.now() - 10_000) });
  const [a, b, c] = term.renderings as [Rendering, Rendering, Rendering];
  const voters = [
    await createActor(db, { delegation: "China" }),
    await createActor(db, { delegation: "China" }),
    await createActor(db, { delegation: "Canada" }),
  ];
  await grade(db, voters[0]!, term.id, { [a.id]: "very_good", [b.id]: "good", [c.id]: "poor" });
  await grade(db, voters[1]!, term.id, { [a.id]: "good", [c.id]: "reject" }, { [c.id]: "Sounds static." });
  await grade(db, voters[2]!, term.id, { [a.id]: "excellent", [b.id]: "acceptable", [c.id]: "reject" }, { [c.id]: "Static." });
  const f = await createActor(db, { role: "facilitator" });
  await moveStage(f, term.slug, { stage: "provisional" });
  return { term, a, b, c, voters, f };
}

const statement = { statementEn: "Adopted by both delegations.", statementZh: "经双方代表团同意采用。" };

describeEachEngine("sealed decisions", ({ database }) => {
  it("the decision stores the digest of the frozen export; the CLI recomputes it and recounts the snapshot", async () => {
    const { db } = database();
    const { term, a, f } = await scene(db);
    const exportAtDecision = await exportBallots(term.slug);
    const d = await recordDecision(f, term.slug, { adoptedRenderingId: a.id, ...statement });

    const frozen = await getFrozenBallots(term.slug, d.id);
    const parsed: unknown = JSON.parse(frozen.text);
    // The frozen export is the export as it stood, in the same format (ballots keep their reasons).
    assert.deepEqual(parsed, exportAtDecision);
    assert.equal(ballotExportSchema.parse(parsed).ballots.length, 3);
    // Stored digest = digest recomputed from the frozen export = plain SHA-256 of the served text.
    assert.match(d.ballotsDigest ?? "", /^[0-9a-f]{64}$/);
    assert.equal(d.ballotsDigest, ballotsDigest(parsed));
    assert.equal(d.ballotsDigest, createHash("sha256").update(frozen.text, "utf8").digest("hex"));
    assert.equal(frozen.digest, d.ballotsDigest);
    // Served by the list and by the one-decision read.
    const { decision, snapshot } = await getDecision(term.slug, d.id);
    assert.equal(decision.ballotsDigest, d.ballotsDigest);
    assert.equal((await listDecisions(term.id))[0]!.ballotsDigest, d.ballotsDigest);
    // The tally of the frozen export is the snapshot's results.
    assert.deepEqual(tally(ballotExportSchema.parse(parsed)), snapshot.results);

    // The same through the command line on the downloaded file.
    const file = path.join(mkdtempSync(path.join(tmpdir(), "sealed-")), "ballots.json");
    writeFileSync(file, frozen.text);
    const [digestRun, recount] = await Promise.all([runTallyCli(["--digest", file]), runTallyCli([file])]);
    assert.equal(digestRun.status, 0, digestRun.stderr);
    assert.equal(digestRun.stdout.trim(), d.ballotsDigest);
    assert.equal(recount.status, 0, recount.stderr);
    assert.deepEqual(JSON.parse(recount.stdout), snapshot.results);

    // One changed grade changes the digest.
    const changed = structuredClone(parsed) as { ballots: { grades: Record<string, string> }[] };
    changed.ballots[0]!.grades[a.id] = changed.ballots[0]!.grades[a.id] === "good" ? "very_good" : "good";
    assert.notEqual(ballotsDigest(changed), d.ballotsDigest);
  });

  it("the frozen export does not move with later ballots; a new decision seals the new export", async () => {
    const { db } = database();
    const { term, a, b, voters, f } = await scene(db);
    const first = await recordDecision(f, term.slug, { adoptedRenderingId: a.id, ...statement });
    const before = await getFrozenBallots(term.slug, first.id);

    await moveStage(f, term.slug, { stage: "consultation", confirmBack: true });
    await castBallot(voters[2]!, term.slug, { grades: { [a.id]: "acceptable", [b.id]: "excellent" } });
    await castBallot(await createActor(db, { delegation: "Canada" }), term.slug, { grades: { [b.id]: "good" } });
    assert.notEqual(ballotsDigest(await exportBallots(term.slug)), first.ballotsDigest, "the live export moved");

    assert.deepEqual(await getFrozenBallots(term.slug, first.id), before, "the frozen one did not");
    assert.equal((await getDecision(term.slug, first.id)).decision.ballotsDigest, first.ballotsDigest);

    await moveStage(f, term.slug, { stage: "provisional" });
    const second = await recordDecision(f, term.slug, { adoptedRenderingId: b.id, ...statement });
    const sealed = JSON.parse((await getFrozenBallots(term.slug, second.id)).text);
    assert.equal(sealed.ballots.length, 4);
    assert.equal(second.ballotsDigest, ballotsDigest(sealed));
    assert.notEqual(second.ballotsDigest, first.ballotsDigest);
  });

  it("each voter's pseudonym (GET …/ballot voter) names their own ballot in the export, as cast", async () => {
    const { db } = database();
    const term = await makeTerm(db);
    const r1 = await addRendering(db, term.id, "多元共商");
    const r2 = await addRendering(db, term.id, "多元共生");
    const alice = await createActor(db, { delegation: "China" });
    const bo = await createActor(db, { delegation: "Canada" });
    const before = await getBallot(alice, term.slug);
    await castBallot(alice, term.slug, { grades: { [r1.id]: "good", [r2.id]: "reject" }, reasons: { [r2.id]: "Too vague." } });
    const saved = await castBallot(bo, term.slug, { grades: { [r1.id]: "excellent" } });
    const exported = await exportBallots(term.slug);
    for (const [who, delegation] of [[alice, "China"], [bo, "Canada"]] as const) {
      const view = await getBallot(who, term.slug);
      const mine = exported.ballots.filter((x) => x.voter === view.voter);
      assert.equal(mine.length, 1, "exactly one ballot under the pseudonym");
      assert.equal(mine[0]!.delegation, delegation);
      assert.deepEqual(mine[0]!.grades, view.grades);
    }
    assert.equal(saved.voter, (await getBallot(bo, term.slug)).voter, "the save answers with the same pseudonym");
    assert.equal(before.voter, (await getBallot(alice, term.slug)).voter, "known before the first save, and stable");
    assert.notEqual((await getBallot(alice, term.slug)).voter, (await getBallot(bo, term.slug)).voter);
    // Unlinkable across terms: another term gives the same scholar another pseudonym.
    const other = await makeTerm(db);
    assert.notEqual((await getBallot(alice, other.slug)).voter, before.voter);
  });

  it("a decision recorded before sealing has no frozen export: 404, and a null digest", async () => {
    const { db } = database();
    const { term, a, f } = await scene(db);
    const d = await recordDecision(f, term.slug, { adoptedRenderingId: a.id, ...statement });
    await db.decision.update({ where: { id: d.id }, data: { frozenBallots: null, ballotsDigest: null } });
    await expectAppError(getFrozenBallots(term.slug, d.id), "not_found");
    await expectAppError(getFrozenBallots("another-term", d.id), "not_found");
    assert.equal((await getDecision(term.slug, d.id)).decision.ballotsDigest, null);
  });
});
