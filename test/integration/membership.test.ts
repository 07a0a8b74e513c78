import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { describeEachEngine } from "@/test/support/db";
import { createActor } from "@/test/support/factories";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import type { Db } from "@/server/db/client";
import { acceptInvite, createInvite, hashInviteToken, inspectInvite, listInvites, revokeInvite } from "@/server/membership/invites";
import { setMemberDisabled, setMemberRole } from "@/server/membership/members";
import { getSiteSettings, updateSiteSettings } from "@/server/site/settings";
import { signUp } from "@/server/membership/accounts";
import { createDelegation, renameDelegation } from "@/server/membership/delegations";
import { loadActor } from "@/server/auth/actor";
import { actorFromApiToken, createApiToken } from "@/server/auth/api-tokens";
import { verifyPassword } from "@/server/auth/password";
import { expectAppError } from "@/test/support/expect";

/** Rejects with an AppError of this code (and reason, when given); a zod error counts as "invalid" (422). */
const delegationId = async (db: Db, name: string) => (await db.delegation.upsert({ where: { name }, update: {}, create: { name } })).id;

let n = 0;
const person = (extra: Record<string, string> = {}) => {
  n += 1;
  const email = `person${n}-${Date.now()}@example.org`;
  return { email, name: `Person ${n}`, affiliation: "Somewhere", locale: "en", password: "a long password", passwordConfirm: "a long password", ...extra };
};

// One suite per engine (the services use the process-wide client it installs); parts run in order.
describeEachEngine("membership", ({ database }) => {
  describe("invitations", () => {
    let facilitator: Actor;
    let admin: Actor;
    let scholar: Actor;
    let china: string;
    let canada: string;

    before(async () => {
      const db = database().db;
      facilitator = await createActor(db, { role: "facilitator", delegation: "Canada" });
      admin = await createActor(db, { role: "admin", delegation: "China" });
      scholar = await createActor(db, { role: "scholar", delegation: "Canada" });
      china = await delegationId(db, "China");
      canada = await delegationId(db, "Canada");
    });

    it("a facilitator's invitation creates a scholar in the invitation's delegation; only the hash is stored", async () => {
      const db = database().db;
      const { token, invite } = await createInvite(facilitator, { delegationId: china });
      assert.equal(invite.role, "scholar");
      assert.equal(invite.maxUses, 1);
      const row = await db.invite.findUniqueOrThrow({ where: { id: invite.id } });
      assert.equal(row.tokenHash, hashInviteToken(token));
      assert.ok(!JSON.stringify(row).includes(token), "the secret itself is not stored");
      assert.ok(Math.abs(row.expiresAt.getTime() - Date.now() - 7 * 86_400_000) < 60_000, "valid for 7 days by default");

      const landing = await inspectInvite(token);
      assert.equal(landing.state, "valid");
      const input = person({ locale: "zh", role: "admin", delegationId: canada });
      const created = await acceptInvite(token, input);
      const user = await db.user.findUniqueOrThrow({ where: { id: created.id }, include: { delegation: true } });
      assert.equal(user.delegation?.name, "China", "the delegation comes from the invitation, not the form");
      assert.equal(user.role, "scholar", "so does the role");
      assert.equal(user.locale, "zh");
      assert.match(user.passwordHash ?? "", /^\$argon2id\$/);
      assert.equal(await verifyPassword(user.passwordHash, "a long password"), true);
      assert.equal((await db.invite.findUniqueOrThrow({ where: { id: invite.id } })).uses, 1);
      const audit = await db.auditEntry.findMany({ where: { entityId: invite.id }, orderBy: { id: "asc" } });
      assert.deepEqual(audit.map((a) => a.action), ["invite.create", "invite.accept"]);
      assert.equal(audit[0]!.actorId, facilitator.id);
    });

    it("a single-use invitation used twice at the same moment makes exactly one account", async () => {
      const db = database().db;
      const { token, invite } = await createInvite(facilitator, { delegationId: canada });
      const attempts = await Promise.allSettled([acceptInvite(token, person()), acceptInvite(token, person()), acceptInvite(token, person())]);
      const made = attempts.filter((a) => a.status === "fulfilled");
      assert.equal(made.length, 1, JSON.stringify(attempts.map((a) => (a.status === "rejected" ? String(a.reason) : "ok"))));
      for (const a of attempts) {
        if (a.status === "rejected") {
          assert.ok(a.reason instanceof AppError);
          assert.equal(a.reason.details.reason, "invite_used_up");
        }
      }
      assert.equal((await db.invite.findUniqueOrThrow({ where: { id: invite.id } })).uses, 1);
      assert.equal((await inspectInvite(token)).state, "used_up");
      await expectAppError(acceptInvite(token, person()), "conflict", { reason: "invite_used_up" });
    });

    it("a multi-use invitation counts its uses and stops at its limit", async () => {
      const { token, invite } = await createInvite(facilitator, { delegationId: canada, maxUses: 3 });
      for (let i = 0; i < 3; i++) await acceptInvite(token, person());
      await expectAppError(acceptInvite(token, person()), "conflict", { reason: "invite_used_up" });
      const listed = (await listInvites(facilitator)).find((x) => x.id === invite.id);
      assert.equal(listed?.uses, 3);
      assert.equal(listed?.state, "used_up");
    });

    it("an expired invitation is refused and creates nothing", async () => {
      const db = database().db;
      const { token, invite } = await createInvite(facilitator, { delegationId: canada, days: 1 });
      const later = new Date(Date.now() + 2 * 86_400_000);
      const p = person();
      await expectAppError(acceptInvite(token, p, later), "conflict", { reason: "invite_expired" });
      assert.equal((await inspectInvite(token, later)).state, "expired");
      assert.equal(await db.user.count({ where: { email: p.email } }), 0);
      assert.equal((await db.invite.findUniqueOrThrow({ where: { id: invite.id } })).uses, 0);
    });

    it("a withdrawn invitation is refused; an unknown link is not found", async () => {
      const { token, invite } = await createInvite(facilitator, { delegationId: canada });
      await revokeInvite(facilitator, invite.id);
      await expectAppError(acceptInvite(token, person()), "conflict", { reason: "invite_revoked" });
      assert.equal((await inspectInvite(token)).state, "revoked");
      await expectAppError(acceptInvite("not-a-real-token", person()), "not_found", { reason: "invite_unknown" });
      assert.equal((await inspectInvite("not-a-real-token")).state, "unknown");
    });

    it("an email already in use is refused with a clear message, and the invitation keeps its use", async () => {
      const db = database().db;
      const { token, invite } = await createInvite(facilitator, { delegationId: canada });
      await expectAppError(acceptInvite(token, person({ email: scholar.email.toUpperCase() })), "conflict", { reason: "email_taken" });
      assert.equal((await db.invite.findUniqueOrThrow({ where: { id: invite.id } })).uses, 0);
      assert.ok(await acceptInvite(token, person()));
    });

    it("a scholar cannot create or list invitations (403); anonymous callers get 401", async () => {
      await expectAppError(createInvite(scholar, { delegationId: canada }), "forbidden", { zodCountsAsInvalid: true });
      await expectAppError(listInvites(scholar), "forbidden", { zodCountsAsInvalid: true });
      await expectAppError(createInvite(null, { delegationId: canada }), "unauthorized", { zodCountsAsInvalid: true });
    });

    it("a facilitator cannot invite a facilitator or an admin, nor withdraw such an invitation; an admin can", async () => {
      await expectAppError(createInvite(facilitator, { delegationId: canada, role: "facilitator" }), "forbidden", { reason: "invite_role_admin_only" });
      await expectAppError(createInvite(facilitator, { delegationId: canada, role: "admin" }), "forbidden", { reason: "invite_role_admin_only" });
      const { token, invite } = await createInvite(admin, { delegationId: china, role: "facilitator" });
      await expectAppError(revokeInvite(facilitator, invite.id), "forbidden", { zodCountsAsInvalid: true });
      const made = await acceptInvite(token, person());
      assert.equal(made.role, "facilitator");
    });

    it("an invitation for an unknown delegation is invalid", async () => {
      await expectAppError(createInvite(facilitator, { delegationId: "nope" }), "invalid", { zodCountsAsInvalid: true });
    });
  });

  describe("roles, accounts, settings", () => {
    let admin: Actor;
    let facilitator: Actor;
    let scholar: Actor;

    before(async () => {
      const db = database().db;
      admin = await createActor(db, { role: "admin", delegation: "China" });
      facilitator = await createActor(db, { role: "facilitator", delegation: "Canada" });
      scholar = await createActor(db, { role: "scholar", delegation: "Canada" });
    });

    it("only admins set roles; a demotion ends the member's sessions, a promotion does not", async () => {
      const db = database().db;
      const target = await createActor(db, { role: "facilitator" });
      await expectAppError(setMemberRole(facilitator, { userId: target.id, role: "scholar" }), "forbidden", { zodCountsAsInvalid: true });
      await expectAppError(setMemberRole(scholar, { userId: target.id, role: "admin" }), "forbidden", { zodCountsAsInvalid: true });
      await expectAppError(setMemberRole(null, { userId: target.id, role: "admin" }), "unauthorized", { zodCountsAsInvalid: true });
      assert.ok(await loadActor(target.id, "session", 0));

      await setMemberRole(admin, { userId: target.id, role: "admin" });
      const promoted = await db.user.findUniqueOrThrow({ where: { id: target.id } });
      assert.equal(promoted.role, "admin");
      assert.equal(promoted.sessionVersion, 0, "a promotion keeps the sessions");

      await setMemberRole(admin, { userId: target.id, role: "scholar" });
      const demoted = await db.user.findUniqueOrThrow({ where: { id: target.id } });
      assert.equal(demoted.role, "scholar");
      assert.equal(demoted.sessionVersion, 1);
      assert.equal(await loadActor(target.id, "session", 0), null, "the old session has no rights any more");
      const audit = await db.auditEntry.findMany({ where: { entityId: target.id, action: "user.role" }, orderBy: { id: "asc" } });
      assert.deepEqual(audit.map((a) => [a.before, a.after]), [[{ role: "facilitator" }, { role: "admin" }], [{ role: "admin" }, { role: "scholar" }]]);
    });

    it("an admin cannot demote or disable themselves", async () => {
      await expectAppError(setMemberRole(admin, { userId: admin.id, role: "scholar" }), "forbidden", { reason: "own_account" });
      await expectAppError(setMemberDisabled(admin, { userId: admin.id, disabled: true }), "forbidden", { reason: "own_account" });
    });

    it("disabling ends sessions and tokens at once; enabling restores the tokens (not the old sessions)", async () => {
      const db = database().db;
      const target = await createActor(db);
      const { token } = await createApiToken(target.id);
      await expectAppError(setMemberDisabled(facilitator, { userId: target.id, disabled: true }), "forbidden", { zodCountsAsInvalid: true });
      await setMemberDisabled(admin, { userId: target.id, disabled: true });
      assert.equal(await loadActor(target.id, "session", 0), null);
      assert.equal(await actorFromApiToken(token), null);
      assert.equal((await db.user.findUniqueOrThrow({ where: { id: target.id } })).sessionVersion, 1);
      await setMemberDisabled(admin, { userId: target.id, disabled: false });
      assert.ok(await actorFromApiToken(token));
      assert.equal(await loadActor(target.id, "session", 0), null);
      assert.ok(await loadActor(target.id, "session", 1));
    });

    it("only admins change settings; open sign-up needs a delegation that exists", async () => {
      const db = database().db;
      const canada = await delegationId(db, "Canada");
      assert.deepEqual(await getSiteSettings(), { membersOnly: false, openSignUp: false, signUpDelegationId: null, scholarsInvite: false });
      await expectAppError(updateSiteSettings(facilitator, { membersOnly: true }), "forbidden", { zodCountsAsInvalid: true });
      await expectAppError(updateSiteSettings(scholar, { membersOnly: true }), "forbidden", { zodCountsAsInvalid: true });
      await expectAppError(updateSiteSettings(admin, { openSignUp: true }), "invalid", { zodCountsAsInvalid: true });
      await expectAppError(updateSiteSettings(admin, { openSignUp: true, signUpDelegationId: "nope" }), "invalid", { zodCountsAsInvalid: true });
      await updateSiteSettings(admin, { membersOnly: true, openSignUp: true, signUpDelegationId: canada });
      assert.deepEqual(await getSiteSettings(), { membersOnly: true, openSignUp: true, signUpDelegationId: canada, scholarsInvite: false });
      await updateSiteSettings(admin, { membersOnly: false, openSignUp: false, signUpDelegationId: null });
      assert.deepEqual(await getSiteSettings(), { membersOnly: false, openSignUp: false, signUpDelegationId: null, scholarsInvite: false });
      assert.equal(await db.auditEntry.count({ where: { action: "settings.update" } }), 2);
    });

    it("open sign-up makes scholars of the chosen delegation, and only while it is on", async () => {
      const db = database().db;
      const china = await delegationId(db, "China");
      await expectAppError(signUp(person()), "forbidden", { reason: "signup_closed" });
      await updateSiteSettings(admin, { openSignUp: true, signUpDelegationId: china });
      const made = await signUp(person({ role: "admin" }));
      assert.equal(made.role, "scholar");
      assert.equal(made.delegationId, china);
      await expectAppError(signUp(person({ email: made.email })), "conflict", { reason: "email_taken" });
      await updateSiteSettings(admin, { openSignUp: false, signUpDelegationId: null });
      await expectAppError(signUp(person()), "forbidden", { reason: "signup_closed" });
    });

    it("only admins add and rename delegations; names stay unique", async () => {
      await expectAppError(createDelegation(facilitator, { name: "Japan" }), "forbidden", { zodCountsAsInvalid: true });
      const d = await createDelegation(admin, { name: "Japan", nameZh: "日本" });
      await expectAppError(createDelegation(admin, { name: "Japan" }), "conflict", { reason: "delegation_taken" });
      await expectAppError(renameDelegation(facilitator, d.id, { name: "Nippon" }), "forbidden", { zodCountsAsInvalid: true });
      await expectAppError(renameDelegation(admin, d.id, { name: "China" }), "conflict", { reason: "delegation_taken" });
      await renameDelegation(admin, d.id, { name: "Nippon", nameZh: "日本" });
      assert.equal((await database().db.delegation.findUniqueOrThrow({ where: { id: d.id } })).name, "Nippon");
    });
  });
});
