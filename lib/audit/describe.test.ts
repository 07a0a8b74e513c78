import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { MESSAGES } from "@/lib/i18n";
import type { AuditEntryView } from "@/lib/schemas/audit";
import { auditInWords } from "./describe";

const entry = (over: Partial<AuditEntryView>): AuditEntryView => ({
  id: 1,
  at: "2026-12-02T14:05:00.000Z",
  actorKind: "member",
  actor: { id: "u1", name: "Anne Roy", role: "admin", delegation: { name: "Canada", nameZh: "加拿大" } },
  action: "term.stage",
  entityType: "term",
  entityId: "t1",
  term: null,
  subject: null,
  before: null,
  after: null,
  ...over,
});
const en = (e: AuditEntryView) => auditInWords(e, MESSAGES.en, "en");
const zh = (e: AuditEntryView) => auditInWords(e, MESSAGES.zh, "zh");

describe("the audit log in words", () => {
  it("says who acted: a member with their delegation, the operator, the system, or a former member", () => {
    assert.equal(en(entry({})).who, "Anne Roy (Canada)");
    assert.equal(zh(entry({})).who, "Anne Roy（加拿大）");
    assert.equal(en(entry({ actorKind: "operator", actor: null })).who, "operator (command line)");
    assert.equal(zh(entry({ actorKind: "operator", actor: null })).who, "操作员（命令行）");
    assert.equal(zh(entry({ actorKind: "system", actor: null })).who, "系统（截止时间）");
    assert.equal(en(entry({ actor: null })).who, "a former member");
  });

  it("summarizes the change in words, with dates in the one format", () => {
    assert.equal(
      en(entry({ action: "term.stage", before: { stage: "draft" }, after: { stage: "consultation", deadline: "2026-12-09T12:00:00.000Z" } })).details,
      "Draft → Consultation; deadline 9 Dec 2026, 12:00 UTC",
    );
    assert.equal(zh(entry({ action: "term.deadline", after: { deadline: null } })).details, "无截止时间");
    assert.equal(en(entry({ action: "user.role", before: { role: "scholar" }, after: { role: "facilitator" } })).details, "scholar → facilitator");
    assert.equal(
      zh(entry({ action: "invite.create", after: { delegation: "China", role: "scholar", maxUses: 3, expiresAt: "2026-12-09T00:00:00.000Z" } })).details,
      "China，学者，最多 3 个账户，有效期至 2026年12月9日 00:00 UTC",
    );
    assert.equal(en(entry({ action: "rendering.hide", after: { status: "hidden", reason: "abuse" } })).details, "reason: abuse");
  });

  it("names settings without their ids, and an unknown action without its code", () => {
    const settings = en(entry({ action: "settings.update", before: { membersOnly: false, signUpDelegationId: null }, after: { membersOnly: true, signUpDelegationId: "cl0000delegation" } }));
    assert.equal(settings.what, "Changed the site settings");
    assert.ok(!settings.details.includes("cl0000delegation"), settings.details);
    assert.match(settings.details, /Members-only site: on/);
    assert.match(settings.details, /Delegation for open sign-up/);
    const unknown = zh(entry({ action: "term.teleport" }));
    assert.equal(unknown.what, "其他更改");
    assert.equal(unknown.details, "");
  });
});
