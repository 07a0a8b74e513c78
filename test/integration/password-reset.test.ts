import assert from "node:assert/strict";
import { it } from "node:test";
import { describeEachEngine } from "@/test/support/db";
import { createActor } from "@/test/support/factories";
import { ZodError } from "zod";
import { RESET_LIMITS } from "@/lib/rate-limit";
import { RESET_TTL_MS } from "@/lib/schemas/password-reset";
import { confirmPasswordReset, hashResetToken, inspectResetToken, requestPasswordReset, type ResetMail } from "@/server/auth/password-reset";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import { loadActor } from "@/server/auth/actor";
import { expectAppError } from "@/test/support/expect";

/** Captures the mail the service would send. */
function outbox() {
  const sent: ResetMail[] = [];
  return { sent, send: async (m: ResetMail) => void sent.push(m) };
}
const tokenOf = (m: ResetMail) => m.url.split("/reset-password/")[1]!;
let client = 0;
const nextClient = () => `198.51.100.${++client}`;

describeEachEngine("password reset by email", ({ database }) => {
  it("answers alike for a member and a stranger; only the member gets a link, in their language, stored hashed", async () => {
    const { db } = database();
    const me = await createActor(db);
    await db.user.update({ where: { id: me.id }, data: { locale: "zh" } });
    const mail = outbox();
    assert.equal(await requestPasswordReset({ email: me.email.toUpperCase() }, nextClient(), { send: mail.send }), undefined);
    assert.equal(await requestPasswordReset({ email: "nobody@example.org" }, nextClient(), { send: mail.send }), undefined);
    assert.equal(mail.sent.length, 1);
    assert.equal(mail.sent[0]!.to, me.email);
    assert.equal(mail.sent[0]!.locale, "zh");
    assert.match(mail.sent[0]!.url, /^http:\/\/localhost:\d+\/reset-password\/[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(mail.sent[0]!);
    const rows = await db.passwordReset.findMany({ where: { userId: me.id } });
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.tokenHash, hashResetToken(token));
    assert.notEqual(rows[0]!.tokenHash, token);
    assert.ok(!JSON.stringify(rows).includes(token), "the secret itself is nowhere in the table");
    assert.equal(rows[0]!.expiresAt.getTime() - rows[0]!.createdAt.getTime() <= RESET_TTL_MS + 1000, true);
  });

  it("sets the password once, ends every other session, and refuses the link afterwards", async () => {
    const { db } = database();
    const me = await createActor(db);
    await db.user.update({ where: { id: me.id }, data: { passwordHash: await hashPassword("the old password") } });
    const mail = outbox();
    await requestPasswordReset({ email: me.email }, nextClient(), { send: mail.send });
    await requestPasswordReset({ email: me.email }, nextClient(), { send: mail.send });
    const [first, second] = mail.sent.map(tokenOf);
    assert.ok(await loadActor(me.id, "session", 0), "a session from before");
    assert.equal(await inspectResetToken(first!), "valid");
    assert.deepEqual(await confirmPasswordReset({ token: first, password: "a brand new password" }), { email: me.email });
    const row = await db.user.findUniqueOrThrow({ where: { id: me.id } });
    assert.equal(await verifyPassword(row.passwordHash, "a brand new password"), true);
    assert.equal(await loadActor(me.id, "session", 0), null, "the sessions from before the reset lose their rights");
    assert.equal(await inspectResetToken(first!), "used");
    await expectAppError(confirmPasswordReset({ token: first, password: "yet another password" }), "conflict", { reason: "reset_used" });
    await expectAppError(confirmPasswordReset({ token: second, password: "yet another password" }), "conflict", { reason: "reset_used" });
    assert.equal(await verifyPassword((await db.user.findUniqueOrThrow({ where: { id: me.id } })).passwordHash, "a brand new password"), true);
  });

  it("of two simultaneous uses of one link only one sets the password", async () => {
    const { db } = database();
    const me = await createActor(db);
    const mail = outbox();
    await requestPasswordReset({ email: me.email }, nextClient(), { send: mail.send });
    const token = tokenOf(mail.sent[0]!);
    const outcomes = await Promise.allSettled([
      confirmPasswordReset({ token, password: "password number one" }),
      confirmPasswordReset({ token, password: "password number two" }),
    ]);
    assert.equal(outcomes.filter((o) => o.status === "fulfilled").length, 1);
    assert.equal((await db.user.findUniqueOrThrow({ where: { id: me.id } })).sessionVersion, 1);
  });

  it("a link expires after an hour; an unknown one is refused; a short password too", async () => {
    const { db } = database();
    const me = await createActor(db);
    const mail = outbox();
    const then = new Date(Date.now() - RESET_TTL_MS - 60_000);
    await requestPasswordReset({ email: me.email }, nextClient(), { send: mail.send, now: then });
    const token = tokenOf(mail.sent[0]!);
    assert.equal(await inspectResetToken(token), "expired");
    await expectAppError(confirmPasswordReset({ token, password: "a brand new password" }), "conflict", { reason: "reset_expired" });
    await expectAppError(confirmPasswordReset({ token: "not-a-token", password: "a brand new password" }), "not_found", { reason: "reset_unknown" });
    const fresh = outbox();
    await requestPasswordReset({ email: me.email }, nextClient(), { send: fresh.send });
    await assert.rejects(confirmPasswordReset({ token: tokenOf(fresh.sent[0]!), password: "short" }), ZodError);
    assert.equal((await db.user.findUniqueOrThrow({ where: { id: me.id } })).sessionVersion, 0, "nothing changed");
  });

  it("is limited per address (members and strangers alike) and per client", async () => {
    const { db } = database();
    const me = await createActor(db);
    const mail = outbox();
    for (const email of [me.email, "stranger@example.org"]) {
      for (let i = 0; i < RESET_LIMITS.address.max; i++) await requestPasswordReset({ email }, nextClient(), { send: mail.send });
      await expectAppError(requestPasswordReset({ email }, nextClient(), { send: mail.send }), "rate_limited");
    }
    assert.equal(mail.sent.length, RESET_LIMITS.address.max, "no mail beyond the limit");
    const one = nextClient();
    for (let i = 0; i < RESET_LIMITS.client.max; i++) await requestPasswordReset({ email: `spray${i}@example.org` }, one, { send: mail.send });
    await expectAppError(requestPasswordReset({ email: "spray-more@example.org" }, one, { send: mail.send }), "rate_limited");
  });

  it("a disabled account gets no link", async () => {
    const { db } = database();
    const me = await createActor(db);
    await db.user.update({ where: { id: me.id }, data: { disabledAt: new Date() } });
    const mail = outbox();
    await requestPasswordReset({ email: me.email }, nextClient(), { send: mail.send });
    assert.equal(mail.sent.length, 0);
  });
});
