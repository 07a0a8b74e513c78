import assert from "node:assert/strict";
import { it } from "node:test";
import { describeEachEngine } from "@/test/support/db";
import { changeTerm } from "@/server/terms/change";
import { subscribe } from "@/server/live/hub";
import { makeTerm } from "@/test/support/factories";

describeEachEngine("changeTerm: the one path of a change to a term", ({ database }) => {
  it("writes the emitted events with the change, in order, and wakes the term's streams after the commit", async () => {
    const { db } = database();
    const term = await makeTerm(db);
    let woken = 0;
    const unsubscribe = subscribe(term.id, () => woken++);
    const result = await changeTerm(term.id, {}, async (tx, emit) => {
      await tx.term.update({ where: { id: term.id }, data: { context: "changed" } });
      emit("term", { fields: ["context"] });
      emit("stage", { stage: "consultation", deadline: null });
      assert.equal(woken, 0, "nothing is woken before the commit");
      return "done";
    });
    unsubscribe();
    assert.equal(result, "done");
    assert.ok(woken >= 1);
    const events = await db.termEvent.findMany({ where: { termId: term.id }, orderBy: { id: "asc" } });
    assert.deepEqual(events.map((e) => [e.type, e.payload]), [["term", { fields: ["context"] }], ["stage", { stage: "consultation", deadline: null }]]);
  });

  it("a change that fails writes nothing, not even its events", async () => {
    const { db } = database();
    const term = await makeTerm(db);
    await assert.rejects(
      changeTerm(term.id, { renderings: true }, async (tx, emit) => {
        await tx.term.update({ where: { id: term.id }, data: { context: "half-done" } });
        emit("term", { fields: ["context"] });
        throw new Error("refused");
      }),
      /refused/,
    );
    const after = await db.term.findUniqueOrThrow({ where: { id: term.id } });
    assert.deepEqual([after.context, after.tallyVersion, after.renderingsVersion], [term.context, term.tallyVersion, term.renderingsVersion]);
    assert.equal(await db.termEvent.count({ where: { termId: term.id } }), 0);
  });

  it("a change of the renderings moves the tally and renderings versions before its work", async () => {
    const { db } = database();
    const term = await makeTerm(db);
    const seen = await changeTerm(term.id, { renderings: true }, async (tx) => tx.term.findUniqueOrThrow({ where: { id: term.id } }));
    assert.deepEqual([seen.tallyVersion, seen.renderingsVersion], [term.tallyVersion + 1, term.renderingsVersion + 1]);
    const plain = await changeTerm(term.id, {}, async (tx) => tx.term.findUniqueOrThrow({ where: { id: term.id } }));
    assert.deepEqual([plain.tallyVersion, plain.renderingsVersion], [seen.tallyVersion, seen.renderingsVersion], "other changes leave them");
  });
});
