import assert from "node:assert/strict";
import { it } from "node:test";
import { describeEachEngine } from "@/test/support/db";
import { createActor, addRendering, grade, makeTerm } from "@/test/support/factories";
import { editRendering, proposeRendering, withdrawRendering } from "@/server/deliberation/renderings";
import { getTerm } from "@/server/terms/read";
import { getResults } from "@/server/results/service";
import { expectInvalid, expectAppError } from "@/test/support/expect";

const proposal = (text: string, extra: Record<string, unknown> = {}) => ({
  text,
  gloss: "many elements advancing together",
  rationale: "Keeps the plural and the shared movement.",
  ...extra,
});

describeEachEngine("proposing a rendering", ({ database }) => {
  it("a scholar proposes during consultation; pinyin is derived with tone marks, the traditional form stored", async () => {
    const { db } = database();
    const term = await makeTerm(db);
    const scholar = await createActor(db, { delegation: "China" });
    const r = await proposeRendering(scholar, term.slug, proposal("多元•合作•共生"));
    assert.equal(r.text, "多元•合作•共生");
    assert.equal(r.pinyin, "duō yuán • hé zuò • gòng shēng");
    assert.equal(r.status, "active");
    assert.equal(r.proposer?.delegation, "China");
    const row = await db.rendering.findUniqueOrThrow({ where: { id: r.id } });
    assert.equal(row.normalizedKey, "多元合作共生");
    assert.equal(row.traditional, "多元•合作•共生");
    assert.ok((await getTerm(term.slug)).renderings.some((x) => x.id === r.id), "visible to every reader");
  });

  it("traditional input is stored as written with its key folded; a corrected pinyin with tone numbers gets marks", async () => {
    const { db } = database();
    const term = await makeTerm(db);
    const scholar = await createActor(db);
    const r = await proposeRendering(scholar, term.slug, proposal("  多元　共進 ", { pinyin: "duo1 yuan2 gong4 jin4" }));
    assert.equal(r.text, "多元 共進");
    assert.equal(r.pinyin, "duō yuán gòng jìn");
    assert.equal((await db.rendering.findUniqueOrThrow({ where: { id: r.id } })).normalizedKey, "多元共进");
  });

  it("refuses duplicates (traditional, spaced, separated) with a 409 that names the existing rendering", async () => {
    const { db } = database();
    const term = await makeTerm(db);
    const first = await proposeRendering(await createActor(db), term.slug, proposal("多元共进"));
    for (const variant of ["多元共進", "多元 共进", "多元·共进", "多元・共進"]) {
      const { details } = await expectAppError(proposeRendering(await createActor(db, { delegation: "China" }), term.slug, proposal(variant)), "conflict");
      assert.equal(details.existingId, first.id, variant);
      assert.deepEqual(details.existing, { id: first.id, text: "多元共进" });
    }
    assert.equal(await db.rendering.count({ where: { termId: term.id } }), 1);
  });

  it("two identical proposals at once: exactly one is created, the other is a duplicate", async () => {
    const { db } = database();
    const term = await makeTerm(db);
    const [a, b] = [await createActor(db), await createActor(db, { delegation: "China" })];
    const results = await Promise.allSettled([
      proposeRendering(a, term.slug, proposal("共同安全")),
      proposeRendering(b, term.slug, proposal("共同安全")),
    ]);
    assert.equal(results.filter((r) => r.status === "fulfilled").length, 1);
    const refused = results.find((r) => r.status === "rejected");
    assert.equal((refused as PromiseRejectedResult).reason.code, "conflict");
  });

  it("validates with the shared schema: Han required, 2–32 characters, only • · ・ and spaces besides", async () => {
    const { db } = database();
    const term = await makeTerm(db);
    const s = await createActor(db);
    await expectInvalid(proposeRendering(s, term.slug, proposal("security")), "text", "text_no_han");
    await expectInvalid(proposeRendering(s, term.slug, proposal("多元-共进")), "text", "text_bad_chars");
    await expectInvalid(proposeRendering(s, term.slug, proposal("<b>多元</b>")), "text", "text_bad_chars");
    await expectInvalid(proposeRendering(s, term.slug, proposal("多")), "text", "text_too_short");
    await expectInvalid(proposeRendering(s, term.slug, proposal("多".repeat(33))), "text", "text_too_long");
    await expectInvalid(proposeRendering(s, term.slug, proposal("多元共进", { gloss: " " })), "gloss", "gloss_required");
    await expectInvalid(proposeRendering(s, term.slug, { text: "多元共进", gloss: "x" }), "rationale", "rationale_required");
    await expectInvalid(proposeRendering(s, term.slug, proposal("多元共进", { pinyin: "<script>" })), "pinyin", "pinyin_bad_chars");
    assert.equal(await db.rendering.count({ where: { termId: term.id } }), 0);
  });

  it("permission: anonymous is 401, a member without a delegation is 403", async () => {
    const { db } = database();
    const term = await makeTerm(db);
    await expectAppError(proposeRendering(null, term.slug, proposal("多元共存")), "unauthorized");
    await expectAppError(proposeRendering(await createActor(db, { delegation: null }), term.slug, proposal("多元共存")), "forbidden");
  });

  for (const stage of ["draft", "provisional", "published"] as const) {
    it(`stage rule: proposals are refused in ${stage} (403 stage_closed)`, async () => {
      const { db } = database();
      const term = await makeTerm(db, { stage });
      await expectAppError(proposeRendering(await createActor(db), term.slug, proposal("多元共存")), "stage_closed");
    });
  }

  it("an unknown term is 404", async () => {
    await expectAppError(proposeRendering(await createActor(database().db), "no-such-term", proposal("多元共存")), "not_found");
  });

  it("the proposer edits gloss, rationale and pinyin of their own; others may not (403), missing is 404", async () => {
    const { db } = database();
    const term = await makeTerm(db);
    const owner = await createActor(db);
    const r = await proposeRendering(owner, term.slug, proposal("多元共进"));
    const edited = await editRendering(owner, r.id, { gloss: "plural advance", pinyin: "duo1 yuan2 gong4 jin4" });
    assert.equal(edited.gloss, "plural advance");
    assert.equal(edited.rationale, "Keeps the plural and the shared movement.");
    assert.equal(edited.pinyin, "duō yuán gòng jìn");
    await expectAppError(editRendering(await createActor(db), r.id, { gloss: "mine now" }), "forbidden");
    await expectAppError(editRendering(await createActor(db, { role: "facilitator" }), r.id, { gloss: "mine now" }), "forbidden");
    await expectAppError(editRendering(null, r.id, { gloss: "x" }), "unauthorized");
    await expectAppError(editRendering(owner, "no-such-id", { gloss: "x" }), "not_found");
    await expectInvalid(editRendering(owner, r.id, {}), "", "nothing_to_change");
    assert.equal((await db.rendering.findUniqueOrThrow({ where: { id: r.id } })).gloss, "plural advance");
  });

  it("withdraw: refused for others, allowed with only the proposer's own grade; it leaves the tally and the term page", async () => {
    const { db } = database();
    const term = await makeTerm(db);
    const owner = await createActor(db);
    const keep = await addRendering(db, term.id, "多元共存");
    const r = await proposeRendering(owner, term.slug, proposal("多元共商"));
    await grade(db, owner, term.id, { [r.id]: "excellent", [keep.id]: "good" });
    await expectAppError(withdrawRendering(await createActor(db), r.id), "forbidden");
    await expectAppError(withdrawRendering(null, r.id), "unauthorized");
    const versionBefore = (await db.term.findUniqueOrThrow({ where: { id: term.id } })).tallyVersion;
    const withdrawn = await withdrawRendering(owner, r.id);
    assert.equal(withdrawn.status, "withdrawn");
    assert.ok((await db.term.findUniqueOrThrow({ where: { id: term.id } })).tallyVersion > versionBefore, "the tally cache is invalidated");
    assert.ok(!(await getTerm(term.slug)).renderings.some((x) => x.id === r.id));
    const results = await getResults(term.slug);
    assert.deepEqual(results.ranking, [keep.id]);
    assert.ok(await db.rendering.findUnique({ where: { id: r.id } }), "its history stays");
    await expectAppError(withdrawRendering(owner, r.id), "conflict");
  });

  it("withdraw is refused once another scholar has graded the rendering", async () => {
    const { db } = database();
    const term = await makeTerm(db);
    const owner = await createActor(db);
    const r = await proposeRendering(owner, term.slug, proposal("多元共生"));
    await grade(db, await createActor(db, { delegation: "China" }), term.id, { [r.id]: "poor" });
    const { details } = await expectAppError(withdrawRendering(owner, r.id), "conflict");
    assert.equal(details.reason, "graded_by_others");
    assert.equal((await db.rendering.findUniqueOrThrow({ where: { id: r.id } })).status, "active");
  });

  it("edits and withdrawals are closed outside consultation", async () => {
    const { db } = database();
    const term = await makeTerm(db);
    const owner = await createActor(db);
    const r = await proposeRendering(owner, term.slug, proposal("多元共生"));
    await db.term.update({ where: { id: term.id }, data: { stage: "provisional" } });
    await expectAppError(editRendering(owner, r.id, { gloss: "late" }), "stage_closed");
    await expectAppError(withdrawRendering(owner, r.id), "stage_closed");
  });

  it("proposing a withdrawn rendering again revives it under the new proposer", async () => {
    const { db } = database();
    const term = await makeTerm(db);
    const first = await createActor(db);
    const r = await proposeRendering(first, term.slug, proposal("多元共治"));
    await withdrawRendering(first, r.id);
    const second = await createActor(db, { delegation: "China", name: "Second Proposer" });
    const again = await proposeRendering(second, term.slug, proposal("多元共治", { gloss: "many govern together" }));
    assert.equal(again.id, r.id);
    assert.equal(again.status, "active");
    assert.equal(again.proposer?.name, "Second Proposer");
    assert.equal(again.gloss, "many govern together");
  });

  it("a duplicate of a merged rendering points to the rendering it was merged into", async () => {
    const { db } = database();
    const term = await makeTerm(db);
    const survivor = await addRendering(db, term.id, "多元共进");
    const merged = await addRendering(db, term.id, "多元共同进步");
    await db.rendering.update({ where: { id: merged.id }, data: { status: "merged", mergedIntoId: survivor.id } });
    const { details } = await expectAppError(proposeRendering(await createActor(db), term.slug, proposal("多元共同進步")), "conflict");
    assert.equal(details.existingId, survivor.id);
  });
});
