import assert from "node:assert/strict";
import { it } from "node:test";
import { describeEachEngine } from "@/test/support/db";
import { MESSAGES } from "@/lib/i18n";
import { auditInWords } from "@/lib/audit/describe";
import { moveStage } from "@/server/terms/admin";
import { closeExpiredConsultation } from "@/server/terms/deadline";
import { applyRole, createMember } from "@/server/membership/members";
import { listAudit } from "@/server/site/audit";
import { createActor, makeTerm } from "@/test/support/factories";

/** The audit log read as people read it: who (member, operator, system), what, on which term, in words. */
describeEachEngine("the audit log in words", ({ database }) => {
  it("the command line is credited to the operator and a passed deadline to the system, in both languages", async () => {
    const { db } = database();
    const admin = await createActor(db, { role: "admin" });
    const china = await db.delegation.upsert({ where: { name: "China" }, update: {}, create: { name: "China" } });
    // What `npm run admin -- create-user` and `set-role` call, with no member acting.
    const member = await createMember({ email: `cli-${Date.now()}@example.org`, name: "Li Wei", password: null }, { delegationId: china.id, role: "scholar" }, null);
    await applyRole(member.id, "facilitator", null);
    const term = await makeTerm(db, { stage: "consultation", deadline: new Date(Date.now() - 60_000) });
    assert.ok(await closeExpiredConsultation({ id: term.id }));

    const { entries } = await listAudit(admin);
    const byCli = entries.filter((e) => e.entityId === member.id);
    assert.deepEqual(byCli.map((e) => [e.action, e.actorKind, e.actor]), [
      ["user.role", "operator", null],
      ["user.create", "operator", null],
    ]);
    const closed = entries.find((e) => e.entityId === term.id)!;
    assert.equal(closed.actorKind, "system");
    assert.deepEqual(closed.term, { slug: term.slug, headword: term.headword });

    const en = (e: (typeof entries)[number]) => auditInWords(e, MESSAGES.en, "en");
    const zh = (e: (typeof entries)[number]) => auditInWords(e, MESSAGES.zh, "zh");
    assert.deepEqual(en(byCli[0]!), { who: "operator (command line)", what: "Changed a member's role", details: "scholar → facilitator" });
    assert.deepEqual(zh(byCli[0]!), { who: "操作员（命令行）", what: "更改成员角色", details: "学者 → 主持人" });
    assert.equal(byCli[0]!.subject, "Li Wei");
    assert.deepEqual(en(closed), { who: "system (deadline)", what: "Closed the consultation at its deadline", details: "Consultation → Provisional" });
    assert.equal(zh(closed).who, "系统（截止时间）");
  });

  it("a member's action names them with their delegation, the term by headword, and no ids", async () => {
    const { db } = database();
    const admin = await createActor(db, { role: "admin" });
    await db.delegation.upsert({ where: { name: "Canada" }, update: { nameZh: "加拿大" }, create: { name: "Canada", nameZh: "加拿大" } });
    const f = await createActor(db, { role: "facilitator", delegation: "Canada", name: "Anne Roy" });
    const term = await makeTerm(db, { stage: "consultation" });
    await moveStage(f, term.slug, { stage: "provisional" });

    const entry = (await listAudit(admin)).entries.find((e) => e.entityId === term.id)!;
    assert.equal(entry.actorKind, "member");
    assert.deepEqual(entry.term, { slug: term.slug, headword: term.headword });
    const en = auditInWords(entry, MESSAGES.en, "en");
    const zh = auditInWords(entry, MESSAGES.zh, "zh");
    assert.deepEqual(en, { who: "Anne Roy (Canada)", what: "Moved the term to another stage", details: "Consultation → Provisional" });
    assert.equal(zh.who, "Anne Roy（加拿大）");
    assert.equal(zh.what, "转换术语阶段");
    for (const words of [en, zh]) {
      for (const text of Object.values(words)) {
        assert.ok(!text.includes(term.id) && !text.includes(f.id) && !text.includes("term.stage"), `no ids or codes in "${text}"`);
      }
    }
  });
});
