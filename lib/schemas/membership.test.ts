import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { newAccountSchema, passwordChangeSchema, profileInputSchema } from "./account";
import { inviteInputSchema, inviteState } from "./invite";
import { settingsFromForm, siteSettingsSchema } from "./site-admin";

const account = { email: "  Li.Wei@Example.ORG ", name: " Li Wei ", affiliation: "CICIR", locale: "zh", password: "long enough pw", passwordConfirm: "long enough pw" };

const messagesOf = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describe("new accounts", () => {
  it("normalizes the email, trims the name, and drops the confirmation", () => {
    const a = newAccountSchema.parse(account);
    assert.deepEqual(a, { email: "li.wei@example.org", name: "Li Wei", affiliation: "CICIR", locale: "zh", password: "long enough pw" });
  });

  it("refuses short passwords, differing confirmations, bad emails and languages, with codes per field", () => {
    const r = newAccountSchema.safeParse({ ...account, email: "nope", password: "short", passwordConfirm: "other", locale: "fr", name: " " });
    assert.deepEqual(messagesOf(r), {
      email: "email_invalid",
      name: "name_required",
      locale: "locale_invalid",
      password: "password_too_short",
    });
    assert.deepEqual(messagesOf(newAccountSchema.safeParse({ ...account, passwordConfirm: "long enough pX" })), { passwordConfirm: "passwords_differ" });
  });

  it("has no say in delegation or role (extra keys are dropped)", () => {
    const a = newAccountSchema.parse({ ...account, role: "admin", delegationId: "x" }) as Record<string, unknown>;
    assert.equal(a.role, undefined);
    assert.equal(a.delegationId, undefined);
  });
});

describe("profile and password", () => {
  it("accepts an ORCID iD (upper-casing the checksum X) or an empty one, which clears it", () => {
    assert.equal(profileInputSchema.parse({ name: "A", locale: "en", orcid: "0000-0002-9079-593x" }).orcid, "0000-0002-9079-593X");
    assert.equal(profileInputSchema.parse({ name: "A", locale: "en", orcid: "" }).orcid, null);
    assert.deepEqual(messagesOf(profileInputSchema.safeParse({ name: "A", locale: "en", orcid: "12" })), { orcid: "orcid_invalid" });
  });

  it("a new password must be long enough and confirmed", () => {
    assert.ok(passwordChangeSchema.safeParse({ current: "x", password: "0123456789", passwordConfirm: "0123456789" }).success);
    assert.deepEqual(messagesOf(passwordChangeSchema.safeParse({ password: "0123456789", passwordConfirm: "012345678" })), { passwordConfirm: "passwords_differ" });
  });
});

describe("invitations", () => {
  const now = new Date("2026-03-01T12:00:00Z");
  const base = { revokedAt: null, expiresAt: new Date("2026-03-02T00:00:00Z"), uses: 0, maxUses: 1 };

  it("a link is valid until it is withdrawn, expires or is used up (in that order of precedence)", () => {
    assert.equal(inviteState(base, now), "valid");
    assert.equal(inviteState({ ...base, uses: 1 }, now), "used_up");
    assert.equal(inviteState({ ...base, uses: 2, maxUses: 3 }, now), "valid");
    assert.equal(inviteState({ ...base, expiresAt: now }, now), "expired", "expires at the instant given");
    assert.equal(inviteState({ ...base, uses: 1, expiresAt: new Date(0) }, now), "expired");
    assert.equal(inviteState({ ...base, revokedAt: now, uses: 1, expiresAt: new Date(0) }, now), "revoked");
  });

  it("reads form input: numbers from text, defaults of one scholar for seven days", () => {
    assert.deepEqual(inviteInputSchema.parse({ delegationId: "d1" }), { delegationId: "d1", role: "scholar", maxUses: 1, days: 7 });
    assert.deepEqual(inviteInputSchema.parse({ delegationId: "d1", role: "facilitator", maxUses: "20", days: "30" }), {
      delegationId: "d1",
      role: "facilitator",
      maxUses: 20,
      days: 30,
    });
  });

  it("refuses out-of-range uses and days and unknown roles", () => {
    const r = inviteInputSchema.safeParse({ delegationId: "", role: "king", maxUses: "0", days: "91" });
    assert.deepEqual(messagesOf(r), {
      delegationId: "delegation_required",
      role: "role_invalid",
      maxUses: "uses_invalid",
      days: "days_invalid",
    });
    assert.equal(inviteInputSchema.safeParse({ delegationId: "d", maxUses: "1.5" }).success, false);
  });
});

describe("site settings", () => {
  it("default to an open site without sign-up", () => {
    assert.deepEqual(siteSettingsSchema.parse({}), { membersOnly: false, openSignUp: false, signUpDelegationId: null, scholarsInvite: false });
  });

  it("open sign-up needs its delegation", () => {
    assert.deepEqual(messagesOf(siteSettingsSchema.safeParse({ openSignUp: true })), { signUpDelegationId: "signup_delegation_required" });
    assert.ok(siteSettingsSchema.safeParse({ openSignUp: true, signUpDelegationId: "d1" }).success);
  });

  it("reads the form's checkboxes (present = on) and an empty choice as none", () => {
    assert.deepEqual(settingsFromForm({ membersOnly: "on", signUpDelegationId: "" }), { membersOnly: true, openSignUp: false, signUpDelegationId: null, scholarsInvite: false });
    assert.equal((settingsFromForm({ scholarsInvite: "on" }) as { scholarsInvite: boolean }).scholarsInvite, true);
  });
});
