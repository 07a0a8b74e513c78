import assert from "node:assert/strict";
import { after, it } from "node:test";
import { describeEachEngine } from "@/test/support/db";
import { createActor, makeTerm, SAMPLE_TEXTS } from "@/test/support/factories";
import type { Actor } from "@/lib/permissions";
import { createApiToken, revokeApiToken } from "@/server/auth/api-tokens";
import { setMemberDisabled } from "@/server/membership/members";
import { updateSiteSettings } from "@/server/site/settings";
import { inspectInvite } from "@/server/membership/invites";
import * as me from "@/app/api/me/route";
import * as invites from "@/app/api/invites/route";
import * as terms from "@/app/api/terms/route";
import * as term from "@/app/api/terms/[slug]/route";
import * as decisions from "@/app/api/terms/[slug]/decisions/route";

/**
 * The HTTP face of the membership rules: the route handlers, called as Next calls them, with
 * an API token or nobody. (Sessions and pages are covered end to end in e2e/.)
 */
const BASE = "http://127.0.0.1:3000";
const noParams = { params: Promise.resolve({}) } as { params: Promise<Record<string, never>> };

function request(path: string, { method = "GET", token, body }: { method?: string; token?: string; body?: unknown } = {}) {
  const headers: Record<string, string> = { host: "127.0.0.1:3000" };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers["content-type"] = "application/json";
  return new Request(`${BASE}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

async function errorOf(res: Response, status: number, code: string) {
  assert.equal(res.status, status);
  const body = (await res.json()) as { error: { code: string; message: string } };
  assert.equal(body.error.code, code);
  assert.ok(body.error.message.length > 0, "a readable message");
}

describeEachEngine("authorization over HTTP", ({ database }) => {
  let scholar: Actor;
  let facilitator: Actor;
  let admin: Actor;
  let scholarToken: string;
  let facilitatorToken: string;

  it("anonymous writes get 401 with the JSON error shape", async () => {
    const db = database().db;
    scholar = await createActor(db, { delegation: "Canada" });
    facilitator = await createActor(db, { role: "facilitator", delegation: "China" });
    admin = await createActor(db, { role: "admin", delegation: "China" });
    scholarToken = (await createApiToken(scholar.id, "test")).token;
    facilitatorToken = (await createApiToken(facilitator.id, "test")).token;
    await errorOf(await me.PATCH(request("/api/me", { method: "PATCH", body: { name: "x" } }), noParams), 401, "unauthorized");
    await errorOf(await me.GET(request("/api/me"), noParams), 401, "unauthorized");
    await errorOf(await invites.POST(request("/api/invites", { method: "POST", body: {} }), noParams), 401, "unauthorized");
  });

  it("a token carries its owner's rights: a scholar updates their profile and cannot invite (403)", async () => {
    const ok = await me.PATCH(request("/api/me", { method: "PATCH", token: scholarToken, body: { affiliation: "University of Toronto" } }), noParams);
    assert.equal(ok.status, 200);
    assert.equal(((await ok.json()) as { affiliation: string }).affiliation, "University of Toronto");
    const china = await database().db.delegation.findUniqueOrThrow({ where: { name: "China" } });
    await errorOf(await invites.POST(request("/api/invites", { method: "POST", token: scholarToken, body: { delegationId: china.id } }), noParams), 403, "forbidden");
    await errorOf(await invites.GET(request("/api/invites", { token: scholarToken }), noParams), 403, "forbidden");
  });

  it("a facilitator's token creates an invitation whose link works, and cannot invite an admin", async () => {
    const china = await database().db.delegation.findUniqueOrThrow({ where: { name: "China" } });
    const res = await invites.POST(request("/api/invites", { method: "POST", token: facilitatorToken, body: { delegationId: china.id, maxUses: 2 } }), noParams);
    assert.equal(res.status, 201);
    const { url, invite } = (await res.json()) as { url: string; invite: { maxUses: number } };
    assert.equal(invite.maxUses, 2);
    const m = /^http:\/\/127\.0\.0\.1:3000\/invite\/([\w-]{43})$/.exec(url);
    assert.ok(m, url);
    assert.equal((await inspectInvite(m[1]!)).state, "valid");
    await errorOf(
      await invites.POST(request("/api/invites", { method: "POST", token: facilitatorToken, body: { delegationId: china.id, role: "admin" } }), noParams),
      403,
      "forbidden",
    );
  });

  it("a revoked token and a disabled account's token get 401", async () => {
    const db = database().db;
    const { id, token } = await createApiToken(scholar.id, "to revoke");
    assert.equal((await me.GET(request("/api/me", { token }), noParams)).status, 200);
    await revokeApiToken(scholar, id);
    await errorOf(await me.GET(request("/api/me", { token }), noParams), 401, "unauthorized");
    await errorOf(await me.PATCH(request("/api/me", { method: "PATCH", token, body: { name: "x" } }), noParams), 401, "unauthorized");
    const other = await createActor(db);
    const otherToken = (await createApiToken(other.id)).token;
    await setMemberDisabled(admin, { userId: other.id, disabled: true });
    await errorOf(await me.PATCH(request("/api/me", { method: "PATCH", token: otherToken, body: { name: "x" } }), noParams), 401, "unauthorized");
    await errorOf(await terms.GET(request("/api/terms", { token: otherToken }), noParams), 401, "unauthorized");
  });

  it("members-only: the read API wants a session or a token (401 otherwise); open again, anyone reads", async () => {
    const t = await makeTerm(database().db, { texts: SAMPLE_TEXTS });
    const slug = { params: Promise.resolve({ slug: t.slug }) };
    assert.equal((await terms.GET(request("/api/terms"), noParams)).status, 200);
    await updateSiteSettings(admin, { membersOnly: true });
    await errorOf(await terms.GET(request("/api/terms"), noParams), 401, "unauthorized");
    await errorOf(await term.GET(request(`/api/terms/${t.slug}`), slug), 401, "unauthorized");
    await errorOf(await decisions.GET(request(`/api/terms/${t.slug}/decisions`), slug), 401, "unauthorized");
    assert.equal((await decisions.GET(request(`/api/terms/${t.slug}/decisions`, { token: scholarToken }), slug)).status, 200);
    assert.equal((await terms.GET(request("/api/terms", { token: scholarToken }), noParams)).status, 200);
    assert.equal((await term.GET(request(`/api/terms/${t.slug}`, { token: scholarToken }), slug)).status, 200);
    await updateSiteSettings(admin, { membersOnly: false });
    assert.equal((await term.GET(request(`/api/terms/${t.slug}`), slug)).status, 200);
  });

  after(async () => {
    // Leave the shared database open to readers whatever happened above.
    if (admin) await updateSiteSettings(admin, { membersOnly: false }).catch(() => {});
  });
});
