// Mail is on for this file (the outbox is written only when the site can send); the delivery
// is called with the test SMTP server's address.
process.env.SMTP_URL = "smtp://127.0.0.1:9";
process.env.NEXTAUTH_SECRET = "a-test-secret-of-at-least-thirty-two-characters";

import assert from "node:assert/strict";
import { it } from "node:test";
import { describeEachEngine } from "@/test/support/db";
import { createActor, addRendering, grade, makeTerm } from "@/test/support/factories";
import { startSmtp } from "@/test/support/smtp";
import { freePort } from "@/test/support/ports";
import { moveStage } from "@/server/terms/admin";
import { closeExpiredConsultations } from "@/server/terms/deadline";
import { recordDecision } from "@/server/decisions/service";
import { addComment } from "@/server/deliberation/comments";
import { changeTerm } from "@/server/terms/change";
import { deliverDueMails } from "@/server/notices/outbox";
import { remindDeadlines } from "@/server/notices/deadline-reminder";
import { inspectUnsubscribe, unsubscribe, unsubscribeToken } from "@/server/notices/unsubscribe";
import { retryDelayMs } from "@/lib/notices/backoff";
import { headerCounts, termsNeedingGrade } from "@/server/notices/counts";
import { getNoticeSettings, saveNoticeSettings } from "@/server/notices/settings";

describeEachEngine("notices: in the app and by email through the outbox", ({ database }) => {
  it("opening a consultation tells every member, in their language, with the headword, an unsubscribe link and RFC 8058 headers", async () => {
    const { db } = database();
    const term = await makeTerm(db, { stage: "draft" });
    const f = await createActor(db, { role: "facilitator" });
    const zh = await createActor(db, { delegation: "China" });
    await db.user.update({ where: { id: zh.id }, data: { locale: "zh" } });
    const off = await createActor(db);
    await db.user.update({ where: { id: off.id }, data: { disabledAt: new Date() } });
    await moveStage(f, term.slug, { stage: "consultation" });

    const mails = await db.outboxMail.findMany({ where: { kind: "consultation", subject: { contains: term.headword } } });
    const to = mails.map((m) => m.to).sort();
    assert.ok(to.includes(f.email) && to.includes(zh.email), "every member");
    assert.ok(!to.includes(off.email), "not a disabled account");
    const zhMail = mails.find((m) => m.to === zh.email)!;
    assert.match(zhMail.subject, /开始征求意见/);
    assert.match(zhMail.text, new RegExp(`/terms/${term.slug}`));
    const headers = zhMail.headers as Record<string, string>;
    assert.match(headers["List-Unsubscribe"]!, /^<http:\/\/localhost:\d+\/api\/unsubscribe\/[^>]+>$/);
    assert.equal(headers["List-Unsubscribe-Post"], "List-Unsubscribe=One-Click");
    const inApp = await db.notification.findFirstOrThrow({ where: { userId: zh.id, kind: "consultation" } });
    assert.ok(inApp.message.includes(term.headword));
    assert.equal(inApp.href, `/terms/${term.slug}`);

    // A deadline change of a term already in consultation is not a new opening.
    const before = await db.outboxMail.count({ where: { kind: "consultation" } });
    await moveStage(f, term.slug, { stage: "consultation", deadline: new Date(Date.now() + 3 * 86_400_000).toISOString() });
    assert.equal(await db.outboxMail.count({ where: { kind: "consultation" } }), before);
  });

  it("the outbox is written in the change's transaction: a change that fails leaves no mail and no notice", async () => {
    const { db } = database();
    const term = await makeTerm(db, { stage: "draft" });
    const before = [await db.outboxMail.count(), await db.notification.count()];
    await assert.rejects(
      changeTerm(term.id, {}, async (tx, _emit, notice) => {
        await tx.term.update({ where: { id: term.id }, data: { stage: "consultation" } });
        notice({ kind: "consultation" });
        throw new Error("refused after the notice");
      }),
      /refused after the notice/,
    );
    assert.deepEqual([await db.outboxMail.count(), await db.notification.count()], before);
    // …and a change that commits has its mail in the same commit.
    await changeTerm(term.id, {}, async (tx, _emit, notice) => {
      await tx.term.update({ where: { id: term.id }, data: { stage: "consultation" } });
      notice({ kind: "consultation" });
    });
    assert.ok((await db.outboxMail.count()) > before[0]!);
  });

  it("a comment tells the proposer; a reply tells the comment's author; nobody hears of their own words", async () => {
    const { db } = database();
    const term = await makeTerm(db);
    const proposer = await createActor(db, { delegation: "China" });
    const critic = await createActor(db);
    const r = await addRendering(db, term.id, "多元共进", proposer);
    const c = await addComment(critic, r.id, { stance: "against", body: "Too vague." });
    const reply = await addComment(proposer, r.id, { stance: "for", body: "It says moving together.", parentId: c.id });
    await addComment(proposer, r.id, { stance: "for", body: "And one more thought." });
    const forProposer = await db.notification.findMany({ where: { userId: proposer.id, kind: "discussion" } });
    const forCritic = await db.notification.findMany({ where: { userId: critic.id, kind: "discussion" } });
    assert.equal(forProposer.length, 1, "one comment by someone else on the proposal");
    assert.match(forProposer[0]!.message, new RegExp(`${critic.name} commented on your proposal 多元共进`));
    assert.equal(forCritic.length, 1, "one reply to the critic's comment");
    assert.match(forCritic[0]!.message, /replied to your comment/);
    assert.equal(forCritic[0]!.href, `/terms/${term.slug}#c-${reply.id}`);
    assert.equal(await db.outboxMail.count({ where: { kind: "discussion", to: { in: [proposer.email, critic.email] } } }), 2);
  });

  it("a provisional result and a published decision tell those who took part", async () => {
    const { db } = database();
    const term = await makeTerm(db);
    const f = await createActor(db, { role: "facilitator" });
    const voter = await createActor(db, { delegation: "China" });
    const bystander = await createActor(db);
    const a = await addRendering(db, term.id, "多元共商");
    await grade(db, voter, term.id, { [a.id]: "excellent" });
    await moveStage(f, term.slug, { stage: "provisional" });
    await recordDecision(f, term.slug, { adoptedRenderingId: a.id, statementEn: "Adopted.", statementZh: "采用。" });
    const kinds = async (userId: string) => (await db.notification.findMany({ where: { userId, href: `/terms/${term.slug}` }, orderBy: { createdAt: "asc" } })).map((n) => n.kind);
    assert.deepEqual(await kinds(voter.id), ["provisional", "decision"]);
    assert.deepEqual(await kinds(bystander.id), []);
    const decision = await db.notification.findFirstOrThrow({ where: { userId: voter.id, kind: "decision" } });
    assert.match(decision.message, /多元共商/);
  });

  it("a consultation closed by its deadline tells those who took part", async () => {
    const { db } = database();
    const term = await makeTerm(db, { deadline: new Date(Date.now() + 3600_000) });
    const voter = await createActor(db);
    const a = await addRendering(db, term.id, "多元共生");
    await grade(db, voter, term.id, { [a.id]: "good" });
    // The deadline passes (a ballot after it would be refused, and close the consultation itself).
    await db.term.update({ where: { id: term.id }, data: { deadline: new Date(Date.now() - 1000) } });
    await closeExpiredConsultations();
    assert.equal(await db.notification.count({ where: { userId: voter.id, kind: "provisional" } }), 1);
  });

  it("24 hours before the deadline, members who have not graded are reminded, once per deadline", async () => {
    const { db } = database();
    const now = new Date();
    const term = await makeTerm(db, { deadline: new Date(now.getTime() + 20 * 3600_000) });
    const later = await makeTerm(db, { deadline: new Date(now.getTime() + 48 * 3600_000) });
    const graded = await createActor(db);
    const notYet = await createActor(db, { delegation: "China" });
    const observer = await createActor(db, { delegation: null });
    const a = await addRendering(db, term.id, "多元共存");
    await grade(db, graded, term.id, { [a.id]: "good" });
    assert.ok((await remindDeadlines(now)) >= 1);
    const reminded = async (userId: string, termSlug: string) => db.notification.count({ where: { userId, kind: "deadline", href: `/terms/${termSlug}` } });
    assert.equal(await reminded(notYet.id, term.slug), 1);
    assert.equal(await reminded(graded.id, term.slug), 0, "has graded");
    assert.equal(await reminded(observer.id, term.slug), 0, "cannot grade");
    assert.equal(await reminded(notYet.id, later.slug), 0, "more than 24 h away");
    await remindDeadlines(now);
    assert.equal(await reminded(notYet.id, term.slug), 1, "once per deadline");
    await db.term.update({ where: { id: term.id }, data: { deadline: new Date(now.getTime() + 22 * 3600_000) } });
    await remindDeadlines(now);
    assert.equal(await reminded(notYet.id, term.slug), 2, "a new deadline, a new reminder");
  });

  it("delivers through SMTP with retries: a server that is down loses nothing, and the mail leaves when it is back", async () => {
    const { db } = database();
    await db.outboxMail.updateMany({ where: { sentAt: null }, data: { sentAt: new Date() } });
    const term = await makeTerm(db, { stage: "draft" });
    const f = await createActor(db, { role: "facilitator" });
    await moveStage(f, term.slug, { stage: "consultation" });
    const queued = await db.outboxMail.count({ where: { sentAt: null } });
    assert.ok(queued >= 1);

    const port = await freePort();
    const t0 = Date.now();
    const down = await deliverDueMails({ smtpUrl: `smtp://127.0.0.1:${port}`, now: () => new Date(t0) });
    assert.equal(down.sent, 0);
    assert.ok(down.failed >= 1);
    const failed = await db.outboxMail.findFirstOrThrow({ where: { sentAt: null, attempts: 1 } });
    assert.ok(failed.lastError);
    assert.equal(failed.nextAttemptAt.getTime(), t0 + retryDelayMs(1));
    assert.equal(await db.outboxMail.count({ where: { sentAt: null } }), queued, "nothing lost");

    const smtp = await startSmtp(port);
    try {
      const early = await deliverDueMails({ smtpUrl: smtp.url, now: () => new Date(t0 + 1000) });
      assert.equal((await db.outboxMail.findUniqueOrThrow({ where: { id: failed.id } })).sentAt, null, "not before its retry time");
      let sent = early.sent;
      for (let i = 0; i < 5 && (await db.outboxMail.count({ where: { sentAt: null } })) > 0; i++) {
        sent += (await deliverDueMails({ smtpUrl: smtp.url, now: () => new Date(t0 + retryDelayMs(3) + 3 * 60_000) })).sent;
      }
      assert.equal(await db.outboxMail.count({ where: { sentAt: null } }), 0);
      assert.ok(sent >= queued);
      const mail = smtp.mails.find((m) => m.to.includes(f.email))!;
      assert.ok(mail.text.includes(term.headword), "the headword is in the message");
      assert.match(mail.raw, /^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
      assert.equal(await deliverDueMails({ smtpUrl: smtp.url, now: () => new Date(t0 + 86_400_000) }).then((r) => r.sent), 0, "sent once");
    } finally {
      await smtp.close();
    }
  });

  it("unsubscribes with one click, for that kind only; a forged or altered link does nothing", async () => {
    const { db } = database();
    const me = await createActor(db);
    const token = unsubscribeToken(me.id, "consultation");
    assert.deepEqual(await inspectUnsubscribe(token), { state: "valid", kind: "consultation", email: me.email, off: false });
    assert.equal(await unsubscribe(token.replace(/.$/, (c) => (c === "A" ? "B" : "A"))), false);
    assert.equal(await unsubscribe(`${me.id}.deadline.${token.split(".")[2]}`), false, "a signature is for one kind");
    assert.equal(await unsubscribe(token), true);
    assert.equal(await unsubscribe(token), true, "following it again changes nothing");
    assert.deepEqual((await db.noticeOptOut.findMany({ where: { userId: me.id } })).map((o) => o.kind), ["consultation"]);

    const term = await makeTerm(db, { stage: "draft" });
    const f = await createActor(db, { role: "facilitator" });
    await moveStage(f, term.slug, { stage: "consultation" });
    assert.equal(await db.outboxMail.count({ where: { to: me.email, kind: "consultation", subject: { contains: term.headword } } }), 0, "no email");
    assert.equal(await db.notification.count({ where: { userId: me.id, kind: "consultation", href: `/terms/${term.slug}` } }), 1, "the app still tells");
  });

  it("the profile's email settings turn kinds off and on, for the member only", async () => {
    const { db } = database();
    const me = await createActor(db);
    const other = await createActor(db);
    assert.deepEqual(await getNoticeSettings(me), { consultation: true, deadline: true, provisional: true, decision: true, discussion: true });
    await saveNoticeSettings(me, { "email.consultation": "on", "email.decision": "on", id: other.id });
    assert.deepEqual(await getNoticeSettings(me), { consultation: true, deadline: false, provisional: false, decision: true, discussion: false });
    assert.deepEqual(await getNoticeSettings(other), { consultation: true, deadline: true, provisional: true, decision: true, discussion: true });
    await saveNoticeSettings(me, { "email.consultation": "on", "email.deadline": "on", "email.provisional": "on", "email.decision": "on", "email.discussion": "on" });
    assert.equal(await db.noticeOptOut.count({ where: { userId: me.id } }), 0);
  });

  it("the header's counts: unread notifications and the terms in consultation the member has not graded", async () => {
    const { db } = database();
    const me = await createActor(db);
    const observer = await createActor(db, { delegation: null });
    const open = await makeTerm(db);
    const graded = await makeTerm(db);
    await makeTerm(db, { stage: "draft" });
    const r = await addRendering(db, graded.id, "多元共进");
    await grade(db, me, graded.id, { [r.id]: "good" });
    await db.notification.createMany({ data: [{ userId: me.id, kind: "x", message: "a" }, { userId: me.id, kind: "x", message: "b", readAt: new Date() }] });
    const needing = await termsNeedingGrade(me);
    assert.ok(needing.has(open.slug) && !needing.has(graded.slug));
    const inConsultation = await db.term.count({ where: { stage: "consultation" } });
    const counts = await headerCounts(me);
    assert.equal(counts.needsGrade, needing.size);
    assert.equal(counts.needsGrade, inConsultation - (await db.ballot.count({ where: { userId: me.id, term: { stage: "consultation" } } })));
    assert.equal(counts.unread, await db.notification.count({ where: { userId: me.id, readAt: null } }));
    assert.equal((await headerCounts(observer)).needsGrade, 0, "who cannot grade is not asked to");
  });
});
