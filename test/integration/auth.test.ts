import assert from "node:assert/strict";
import { it } from "node:test";
import { describeEachEngine } from "@/test/support/db";
import { createActor } from "@/test/support/factories";
import { countSignInAttempt, settleSignInAttempt } from "@/server/auth/throttle";
import { actorFromApiToken, createApiToken, revokeApiToken } from "@/server/auth/api-tokens";
import { loadActor } from "@/server/auth/actor";
import { actorFromRequest } from "@/server/auth/request";
import { encode } from "next-auth/jwt";
import { ensureAuthSecret } from "@/server/auth/secret";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import { ACCOUNT_FREE, ALERT_AT, PER_CLIENT, SLOW_DOWN_CAP_MS, WINDOW_MS } from "@/lib/auth/throttle";

describeEachEngine("sign-in and tokens", ({ database }) => {
  const STRANGER = "203.0.113.9";
  const MEMBER = "198.51.100.7";
  const at = (t0: Date, ms: number) => new Date(t0.getTime() + ms);

  /** Counts and checks one failed attempt, as authorize() does. */
  async function fail(email: string, client: string, now: Date) {
    const verdict = await countSignInAttempt(email, client, now);
    if (verdict.check) await settleSignInAttempt(email, client, false, now);
    return verdict;
  }

  it("one client gets at most 10 unsuccessful checks per email in 15 minutes, whatever the case and spaces", async () => {
    const email = "Locked.Out@Example.org";
    const t0 = new Date("2026-01-01T10:00:00Z");
    for (let i = 0; i < PER_CLIENT.max; i++) assert.deepEqual(await fail(email, STRANGER, at(t0, i * 1000)), { check: true }, `attempt ${i + 1}`);
    const refused = await countSignInAttempt(" locked.out@example.org ", STRANGER, at(t0, 11_000));
    assert.deepEqual(refused, { check: false, retryAfterMs: WINDOW_MS - 11_000 });
    assert.deepEqual(await countSignInAttempt(email, STRANGER, at(t0, WINDOW_MS + 1)), { check: true }, "a new window");
  });

  it("a stranger's failures do not lock the member out: another client is checked at once (audit item 6)", async () => {
    const email = "victim@example.org";
    const now = new Date();
    for (let i = 0; i < 25; i++) await fail(" Victim@Example.org ", STRANGER, now);
    assert.equal((await countSignInAttempt(email, STRANGER, now)).check, false, "the stranger is refused");
    assert.deepEqual(await countSignInAttempt(email, MEMBER, now), { check: true }, "the member is checked");
    await settleSignInAttempt(email, MEMBER, true, now);
  });

  it("60 parallel attempts from one client: exactly 10 are checked, and no count is lost", async () => {
    const now = new Date();
    const verdicts = await Promise.all(Array.from({ length: 60 }, () => countSignInAttempt("parallel@example.org", STRANGER, now)));
    assert.equal(verdicts.filter((v) => v.check).length, PER_CLIENT.max);
    const row = await database().db.rateWindow.findUniqueOrThrow({ where: { key: `signin:parallel@example.org|${STRANGER}` } });
    assert.equal(row.count, 60);
  });

  it("guesses from many clients at once: the account slows down, one check at a time, never more than the free ones plus one", async () => {
    const email = "many@example.org";
    const now = new Date();
    // 100 clients guessing in parallel, twice each.
    const clients = Array.from({ length: 100 }, (_, i) => `192.0.2.${i}`);
    const checked = (await Promise.all([...clients, ...clients].map((c) => fail(email, c, now)))).filter((v) => v.check).length;
    assert.equal(checked, ACCOUNT_FREE + 1, "after the free checks, one slot until the delay has passed");
    const slowed = await countSignInAttempt(email, "192.0.2.250", now);
    assert.ok(!slowed.check && slowed.retryAfterMs > 0 && slowed.retryAfterMs <= SLOW_DOWN_CAP_MS, JSON.stringify(slowed));
    // Once the delay has passed, the member (or anyone) gets one check again.
    const later = new Date(now.getTime() + slowed.retryAfterMs);
    assert.deepEqual(await countSignInAttempt(email, MEMBER, later), { check: true });
    assert.equal((await countSignInAttempt(email, "192.0.2.251", later)).check, false, "and the next waits again");
  });

  it("the member is told once per window when their account reaches 10 unsuccessful checks", async () => {
    const email = "told@example.org";
    const t0 = new Date("2026-01-01T10:00:00Z");
    const alerts: boolean[] = [];
    for (let i = 0; i < 15; i++) {
      const client = `192.0.2.${i}`;
      assert.equal((await countSignInAttempt(email, client, t0)).check, true);
      alerts.push((await settleSignInAttempt(email, client, false, t0)).alert);
    }
    assert.deepEqual(alerts.map((a, i) => (a ? i + 1 : 0)).filter(Boolean), [ALERT_AT]);
    const next = at(t0, WINDOW_MS + 1);
    for (let i = 0; i < ALERT_AT; i++) {
      await countSignInAttempt(email, "192.0.2.99", next);
      if ((await settleSignInAttempt(email, "192.0.2.99", false, next)).alert) alerts.push(true);
    }
    assert.equal(alerts.filter(Boolean).length, 2, "told again in the next window");
  });

  it("a successful sign-in gives its attempt back", async () => {
    const now = new Date();
    for (let i = 0; i < 40; i++) {
      assert.equal((await countSignInAttempt("often@example.org", MEMBER, now)).check, true, `sign-in ${i + 1}`);
      await settleSignInAttempt("often@example.org", MEMBER, true, now);
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

  it("a session cookie, opened once and kept: a changed, expired or demoted one still resolves to nobody", async () => {
    const a = await createActor(database().db);
    const ask = (cookie: string) => actorFromRequest(new Request("http://x/api/me", { headers: { cookie } }));
    const mint = async (sv: number, maxAge?: number) =>
      `next-auth.session-token=${await encode({ token: { sub: a.id, uid: a.id, sv }, secret: ensureAuthSecret(), ...(maxAge ? { maxAge } : {}) })}`;
    const cookie = await mint(0);
    assert.equal((await ask(cookie))?.id, a.id);
    assert.equal((await ask(cookie))?.id, a.id, "the kept session");
    // One character of the ciphertext changed: not the kept one, and it does not open.
    const value = cookie.slice(cookie.indexOf("=") + 1);
    const i = Math.floor(value.length / 2);
    const changed = `next-auth.session-token=${value.slice(0, i)}${value[i] === "A" ? "B" : "A"}${value.slice(i + 1)}`;
    assert.equal(await ask(changed), null);
    // The account is read each time: a bumped session version loses the kept session its rights.
    await database().db.user.update({ where: { id: a.id }, data: { sessionVersion: { increment: 1 } } });
    assert.equal(await ask(cookie), null, "demoted while its session was kept");
    // A session that expires is refused once it has, though it was kept while valid.
    const short = await mint(1, 1);
    assert.equal((await ask(short))?.id, a.id);
    await new Promise((r) => setTimeout(r, 1200));
    assert.equal(await ask(short), null, "expired");
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
