import assert from "node:assert/strict";
import { it } from "node:test";
import { describeEachEngine } from "@/test/support/databases";
import { createActor } from "@/test/support/actors";
import { countSignInAttempt, refundSignInAttempt } from "@/server/auth/throttle";
import { actorFromApiToken, createApiToken, revokeApiToken } from "@/server/auth/api-tokens";
import { loadActor } from "@/server/auth/actor";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import { MAX_ATTEMPTS, WINDOW_MS } from "@/lib/auth/throttle";

describeEachEngine("sign-in and tokens", ({ database }) => {
  it("checks at most 10 attempts per email in 15 minutes that did not succeed, in the database", async () => {
    const email = "Locked.Out@Example.org";
    const t0 = new Date("2026-01-01T10:00:00Z");
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      assert.deepEqual(await countSignInAttempt(email, new Date(t0.getTime() + i * 1000)), { check: true }, `attempt ${i + 1}`);
    }
    const refused = await countSignInAttempt(" locked.out@example.org ", new Date(t0.getTime() + 11_000));
    assert.equal(refused.check, false, "the 11th is refused, whatever the case and spaces");
    assert.ok(!refused.check && refused.retryAfterMs === WINDOW_MS - 11_000, JSON.stringify(refused));
    assert.deepEqual(await countSignInAttempt(email, new Date(t0.getTime() + WINDOW_MS + 1)), { check: true }, "a new window");
  });

  it("60 parallel attempts for one email: exactly 10 may be checked", async () => {
    const now = new Date();
    const verdicts = await Promise.all(Array.from({ length: 60 }, () => countSignInAttempt("parallel@example.org", now)));
    assert.equal(verdicts.filter((v) => v.check).length, MAX_ATTEMPTS);
    const row = await database().db.signInThrottle.findUniqueOrThrow({ where: { email: "parallel@example.org" } });
    assert.equal(row.failures, 60, "no count was lost");
  });

  it("a successful sign-in gives its attempt back", async () => {
    const now = new Date();
    for (let i = 0; i < 30; i++) {
      assert.equal((await countSignInAttempt("often@example.org", now)).check, true, `sign-in ${i + 1}`);
      await refundSignInAttempt("often@example.org");
    }
  });

  it("hashes passwords with argon2id and a per-hash salt", async () => {
    const a = await hashPassword("correct horse");
    const b = await hashPassword("correct horse");
    assert.match(a, /^\$argon2id\$/);
    assert.notEqual(a, b);
    assert.equal(await verifyPassword(a, "correct horse"), true);
    assert.equal(await verifyPassword(a, "wrong"), false);
    assert.equal(await verifyPassword(null, "x"), false);
  });

  it("API tokens carry their owner's rights until revoked; only the hash is stored", async () => {
    const owner = await createActor(database().db, { role: "facilitator", delegation: "China" });
    const other = await createActor(database().db);
    const { id, token } = await createApiToken(owner.id, "laptop");
    const stored = await database().db.apiToken.findUniqueOrThrow({ where: { id } });
    assert.ok(!JSON.stringify(stored).includes(token.slice(3)), "the token itself is not stored");
    const actor = await actorFromApiToken(token);
    assert.equal(actor?.id, owner.id);
    assert.equal(actor?.role, "facilitator");
    assert.equal(actor?.delegation, "China");
    const used = (await database().db.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt;
    assert.ok(used && Math.abs(used.getTime() - Date.now()) < 5_000, `lastUsedAt is now (UTC), got ${used?.toISOString()}`);
    // Written at most once a minute: a use within the minute leaves it, a later one moves it.
    await actorFromApiToken(token);
    assert.equal((await database().db.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt?.getTime(), used.getTime());
    const earlier = new Date(Date.now() - 61_000);
    await database().db.apiToken.update({ where: { id }, data: { lastUsedAt: earlier } });
    await actorFromApiToken(token);
    const moved = (await database().db.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt;
    assert.ok(moved && Math.abs(moved.getTime() - Date.now()) < 5_000, `lastUsedAt moved to now, got ${moved?.toISOString()}`);
    await assert.rejects(revokeApiToken(other, id), /not found/, "another member cannot revoke it");
    assert.ok(await actorFromApiToken(token));
    await revokeApiToken(owner, id);
    assert.equal(await actorFromApiToken(token), null);
    assert.equal(await actorFromApiToken("gs_made-up"), null);
  });

  it("a disabled account, and a session older than the account's session version, resolve to nobody", async () => {
    const a = await createActor(database().db);
    const { token } = await createApiToken(a.id);
    assert.ok(await loadActor(a.id, "session", 0));
    await database().db.user.update({ where: { id: a.id }, data: { sessionVersion: { increment: 1 } } });
    assert.equal(await loadActor(a.id, "session", 0), null, "demoted: old sessions lose their rights");
    assert.ok(await loadActor(a.id, "session", 1));
    await database().db.user.update({ where: { id: a.id }, data: { disabledAt: new Date() } });
    assert.equal(await loadActor(a.id, "session", 1), null);
    assert.equal(await actorFromApiToken(token), null, "a disabled account's token is refused");
  });
});
