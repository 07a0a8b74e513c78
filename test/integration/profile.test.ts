import assert from "node:assert/strict";
import { it } from "node:test";
import { describeEachEngine } from "@/test/support/db";
import { createActor } from "@/test/support/factories";
import type { Actor } from "@/lib/permissions";
import { changePassword, createMyApiToken, getProfile, listMyApiTokens, revokeMyApiToken, updateProfile } from "@/server/membership/profile";
import { actorFromApiToken } from "@/server/auth/api-tokens";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import { loadActor } from "@/server/auth/actor";
import { expectAppError } from "@/test/support/expect";

const session = (a: Actor): Actor => ({ ...a, via: "session" });

describeEachEngine("profile: a member's own account", ({ database }) => {
  it("updates only the actor's own profile; fields left out keep their value", async () => {
    const db = database().db;
    const me = await createActor(db, { name: "Before" });
    const other = await createActor(db, { name: "Other" });
    const after = await updateProfile(me, { name: " After ", affiliation: "Peking University", locale: "zh", id: other.id, email: "x@example.org", role: "admin" });
    assert.equal(after.name, "After");
    assert.equal(after.locale, "zh");
    assert.equal(after.role, "scholar", "the role is not the member's to change");
    assert.equal(after.email, me.email, "nor is the email");
    assert.equal((await db.user.findUniqueOrThrow({ where: { id: other.id } })).name, "Other", "nobody else is touched");
    const partial = await updateProfile(me, { affiliation: "CICIR" });
    assert.equal(partial.name, "After");
    assert.equal(partial.affiliation, "CICIR");
    await expectAppError(updateProfile(null, { name: "x" }), "unauthorized");
  });

  it("a scholar's (and a facilitator's) delegation is read-only; an admin may change their own", async () => {
    const db = database().db;
    const china = await db.delegation.upsert({ where: { name: "China" }, update: {}, create: { name: "China" } });
    const scholar = await createActor(db, { delegation: "Canada" });
    const facilitator = await createActor(db, { role: "facilitator", delegation: "Canada" });
    await expectAppError(updateProfile(scholar, { delegationId: china.id }), "forbidden", { reason: "delegation_read_only" });
    await expectAppError(updateProfile(facilitator, { delegationId: china.id }), "forbidden", { reason: "delegation_read_only" });
    assert.ok(await updateProfile(scholar, { delegationId: scholar.delegationId! }), "sending the same delegation is not a change");
    const admin = await createActor(db, { role: "admin", delegation: "Canada" });
    assert.equal((await updateProfile(admin, { delegationId: china.id })).delegation?.name, "China");
  });

  it("an ORCID iD links to one account only", async () => {
    const db = database().db;
    const a = await createActor(db);
    const b = await createActor(db);
    await updateProfile(a, { orcid: "0000-0002-1825-0097" });
    await expectAppError(updateProfile(b, { orcid: "0000-0002-1825-0097" }), "conflict", { reason: "orcid_taken" });
    assert.equal((await updateProfile(a, { orcid: "" })).orcid, null);
    assert.equal((await updateProfile(b, { orcid: "0000-0002-1825-0097" })).orcid, "0000-0002-1825-0097");
  });

  it("a password change needs the current password and ends every session of the account", async () => {
    const db = database().db;
    const me = await createActor(db);
    await db.user.update({ where: { id: me.id }, data: { passwordHash: await hashPassword("the old password") } });
    await expectAppError(changePassword(me, { current: "wrong", password: "the new password", passwordConfirm: "the new password" }), "invalid");
    assert.ok(await loadActor(me.id, "session", 0));
    assert.deepEqual(await changePassword(me, { current: "the old password", password: "the new password", passwordConfirm: "the new password" }), { email: me.email });
    const row = await db.user.findUniqueOrThrow({ where: { id: me.id } });
    assert.equal(await verifyPassword(row.passwordHash, "the new password"), true);
    assert.equal(await verifyPassword(row.passwordHash, "the old password"), false);
    assert.equal(row.sessionVersion, 1);
    assert.equal(await loadActor(me.id, "session", 0), null, "sessions from before the change lose their rights");
  });

  it("a member without a password (email link, ORCID) sets one without a current password", async () => {
    const me = await createActor(database().db);
    assert.equal((await getProfile(me)).hasPassword, false);
    await changePassword(me, { password: "a first password", passwordConfirm: "a first password" });
    assert.equal((await getProfile(me)).hasPassword, true);
  });

  it("API tokens: created from a session only, listed without the secret, revoked by their owner only", async () => {
    const db = database().db;
    const me = session(await createActor(db, { role: "facilitator" }));
    const other = session(await createActor(db));
    const { id, token } = await createMyApiToken(me, { label: "laptop" });
    assert.match(token, /^gs_/);
    const viaToken = await actorFromApiToken(token);
    assert.equal(viaToken?.id, me.id);
    await expectAppError(createMyApiToken(viaToken, {}), "forbidden", { reason: "token_needs_session" });
    const listed = await listMyApiTokens(me);
    assert.deepEqual(
      listed.map((t) => [t.label, t.prefix]),
      [["laptop", token.slice(0, 10)]],
    );
    assert.ok(!JSON.stringify(listed).includes(token));
    assert.deepEqual(await listMyApiTokens(other), []);
    await expectAppError(revokeMyApiToken(other, id), "not_found");
    assert.ok(await actorFromApiToken(token));
    await revokeMyApiToken(me, id);
    assert.equal(await actorFromApiToken(token), null);
  });
});
