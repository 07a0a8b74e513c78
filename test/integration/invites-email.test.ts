process.env.SMTP_URL = "smtp://127.0.0.1:9";
process.env.NEXTAUTH_SECRET = "a-test-secret-of-at-least-thirty-two-characters";

import assert from "node:assert/strict";
import { it } from "node:test";
import { ZodError } from "zod";
import { describeEachEngine } from "@/test/support/db";
import { createActor } from "@/test/support/factories";
import { startSmtp } from "@/test/support/smtp";
import { acceptInvite, createInvite, emailInvites, listInvites, revokeInvite } from "@/server/membership/invites";
import { deliverDueMails } from "@/server/notices/outbox";
import { forgetSiteSettings } from "@/server/site/settings";
import { expectAppError } from "@/test/support/expect";

const account = (email: string) => ({ email, name: "New Member", password: "a long enough password", passwordConfirm: "a long enough password" });

describeEachEngine("invitations by email", ({ database }) => {
  it("one single-use link per address, mailed through the outbox in the chosen language with the name and note; the list shows who joined", async () => {
    const { db } = database();
    const f = await createActor(db, { role: "facilitator", name: "Fay Facilitator" });
    const china = await db.delegation.upsert({ where: { name: "China" }, update: { nameZh: "中国" }, create: { name: "China", nameZh: "中国" } });
    const { invites } = await emailInvites(f, {
      emails: "Li Wei <li.wei@pku.example>\nzhang@cass.example",
      note: "期待您的参与。",
      delegationId: china.id,
      locale: "zh",
    });
    assert.deepEqual(invites.map((i) => [i.email, i.name, i.maxUses, i.state]), [
      ["li.wei@pku.example", "Li Wei", 1, "valid"],
      ["zhang@cass.example", "", 1, "valid"],
    ]);
    const queued = await db.outboxMail.findMany({ where: { kind: "invitation" }, orderBy: { to: "asc" } });
    assert.deepEqual(queued.map((m) => m.to), ["li.wei@pku.example", "zhang@cass.example"]);

    const smtp = await startSmtp();
    try {
      assert.equal((await deliverDueMails({ smtpUrl: smtp.url })).sent >= 2, true);
      const mail = smtp.mails.find((m) => m.to.includes("li.wei@pku.example"))!;
      assert.match(mail.text, /Li Wei，您好/);
      assert.match(mail.text, /Fay Facilitator 邀请您以学者身份加入共商的中国代表团/);
      assert.match(mail.text, /期待您的参与。/);
      const link = /http:\/\/localhost:\d+\/invite\/([A-Za-z0-9_-]+)/.exec(mail.text)!;
      const sent = await db.outboxMail.findFirstOrThrow({ where: { to: "li.wei@pku.example" } });
      assert.ok(sent.sentAt);
      assert.equal(sent.text, "", "the link is not kept once sent");

      const member = await acceptInvite(link[1]!, account("li.wei@pku.example"));
      assert.equal(member.delegationId, china.id);
      const listed = (await listInvites(f)).find((i) => i.email === "li.wei@pku.example")!;
      assert.deepEqual([listed.state, listed.joinedBy], ["used_up", "New Member"]);
      assert.equal((await listInvites(f)).find((i) => i.email === "zhang@cass.example")!.joinedBy, null);
    } finally {
      await smtp.close();
    }
  });

  it("refuses what is not an address, and writes nothing", async () => {
    const { db } = database();
    const f = await createActor(db, { role: "facilitator" });
    const canada = await db.delegation.upsert({ where: { name: "Canada" }, update: {}, create: { name: "Canada" } });
    const before = await db.invite.count();
    await expectAppError(emailInvites(f, { emails: "ok@example.org\nnot an address", delegationId: canada.id }), "invalid");
    await expectAppError(emailInvites(f, { emails: "  ", delegationId: canada.id }), "invalid");
    await assert.rejects(emailInvites(f, { emails: "ok@example.org", delegationId: canada.id, note: "x".repeat(2001) }), ZodError);
    assert.equal(await db.invite.count(), before);
  });

  it("scholars invite colleagues of their own delegation, as scholars, only when an admin allows it", async () => {
    const { db } = database();
    const scholar = await createActor(db, { delegation: "Canada" });
    const other = await createActor(db, { delegation: "Canada" });
    const canada = scholar.delegationId!;
    const china = (await db.delegation.upsert({ where: { name: "China" }, update: {}, create: { name: "China" } })).id;
    await expectAppError(emailInvites(scholar, { emails: "a@example.org", delegationId: canada }), "forbidden");
    await expectAppError(createInvite(scholar, { delegationId: canada }), "forbidden");
    await expectAppError(listInvites(scholar), "forbidden");

    await db.setting.upsert({ where: { key: "scholarsInvite" }, update: { value: true }, create: { key: "scholarsInvite", value: true } });
    forgetSiteSettings();
    try {
      await expectAppError(emailInvites(scholar, { emails: "a@example.org", delegationId: china }), "forbidden", { reason: "invite_own_delegation" });
      await expectAppError(emailInvites(scholar, { emails: "a@example.org", delegationId: canada, role: "facilitator" }), "forbidden", { reason: "invite_role_admin_only" });
      const { invites } = await emailInvites(scholar, { emails: "colleague@ubc.example", name: "A Colleague", delegationId: canada });
      assert.equal(invites[0]!.name, "A Colleague");
      const { invite: link } = await createInvite(scholar, { delegationId: canada });
      assert.deepEqual((await listInvites(scholar)).map((i) => i.id).sort(), [invites[0]!.id, link.id].sort(), "a scholar lists their own");
      await expectAppError(revokeInvite(other, link.id), "not_found");
      await revokeInvite(scholar, link.id);
      assert.ok((await db.invite.findUniqueOrThrow({ where: { id: link.id } })).revokedAt);
    } finally {
      await db.setting.delete({ where: { key: "scholarsInvite" } });
      forgetSiteSettings();
    }
  });
});
