import assert from "node:assert/strict";
import { it } from "node:test";
import { NextRequest } from "next/server";
import { describeEachEngine } from "@/test/support/db";
import { createActor } from "@/test/support/factories";
import { ContractChecker } from "@/test/support/openapi-contract";
import { createApiToken } from "@/server/auth/api-tokens";
import { updateSiteSettings } from "@/server/site/settings";
import { WRITE_LIMITS } from "@/lib/rate-limit";
import * as health from "@/app/api/health/route";
import * as openapi from "@/app/api/openapi.json/route";
import * as terms from "@/app/api/terms/route";
import * as term from "@/app/api/terms/[slug]/route";
import * as stage from "@/app/api/terms/[slug]/stage/route";
import * as ballot from "@/app/api/terms/[slug]/ballot/route";
import * as ballots from "@/app/api/terms/[slug]/ballots/route";
import * as results from "@/app/api/terms/[slug]/results/route";
import * as events from "@/app/api/terms/[slug]/events/route";
import * as proposals from "@/app/api/terms/[slug]/renderings/route";
import * as rendering from "@/app/api/renderings/[id]/route";
import * as renderingComments from "@/app/api/renderings/[id]/comments/route";
import * as renderingHide from "@/app/api/renderings/[id]/hide/route";
import * as merge from "@/app/api/renderings/[id]/merge/route";
import * as undo from "@/app/api/merges/[id]/undo/route";
import * as comment from "@/app/api/comments/[id]/route";
import * as commentHide from "@/app/api/comments/[id]/hide/route";
import * as decision from "@/app/api/terms/[slug]/decision/route";
import * as decisions from "@/app/api/terms/[slug]/decisions/route";
import * as decisionOne from "@/app/api/terms/[slug]/decisions/[id]/route";
import * as audit from "@/app/api/audit/route";
import * as me from "@/app/api/me/route";
import * as invites from "@/app/api/invites/route";
import * as locale from "@/app/api/locale/route";
import * as lexiconJson from "@/app/api/lexicon.json/route";
import * as lexiconCsv from "@/app/api/lexicon.csv/route";
import * as lexiconTbx from "@/app/api/lexicon.tbx/route";
import * as termJson from "@/app/api/terms/[slug]/export.json/route";
import * as termCsv from "@/app/api/terms/[slug]/export.csv/route";
import * as termTbx from "@/app/api/terms/[slug]/export.tbx/route";
import * as lexiconImport from "@/app/api/lexicon/import/route";
import * as viewer from "@/app/api/terms/[slug]/viewer/route";
import * as decisionBallots from "@/app/api/terms/[slug]/decisions/[id]/ballots/route";
import * as resetRequest from "@/app/api/auth/password-reset/route";
import * as resetConfirm from "@/app/api/auth/password-reset/confirm/route";
import * as unsubscribe from "@/app/api/unsubscribe/[token]/route";
import { hashResetToken } from "@/server/auth/password-reset";
import { unsubscribeToken } from "@/server/notices/unsubscribe";

/**
 * The API keeps the promise of its OpenAPI document (GET /api/openapi.json): every documented
 * operation is called through its route handler, as Next calls it, on a real database, for its
 * successes and its refusals; each answer's status must be documented for the operation and its
 * JSON body must validate against the documented schema (Ajv, JSON Schema 2020-12). At the end,
 * every documented operation must have answered with a success at least once.
 */
const BASE = "http://127.0.0.1:3000";
type Handler = (req: Request, ctx: { params: Promise<never> }) => Promise<Response>;
type Call = { token?: string; body?: unknown; query?: string; headers?: Record<string, string>; raw?: string };

describeEachEngine("the API answers as its OpenAPI document says", ({ database }) => {
  const contract = new ContractChecker();

  /** Calls `handler` for the documented `method path` with these path parameters, checks the answer, returns its body. */
  async function call(handler: Handler, method: string, path: string, params: Record<string, string | string[]>, { token, body, query = "", headers = {}, raw }: Call = {}) {
    const url = path.replace(/\{(\w+)\}/g, (_m, k: string) => {
      const v = params[k]!;
      return Array.isArray(v) ? v.join("/") : encodeURIComponent(v);
    });
    const h: Record<string, string> = { host: "127.0.0.1:3000", ...headers };
    if (token) h.authorization = `Bearer ${token}`;
    if (body !== undefined || raw !== undefined) h["content-type"] ??= "application/json";
    // NextAuth.js reads Next's request (nextUrl); the app's own handlers take any Request.
    const req = new NextRequest(`${BASE}${url}${query}`, { method: method.toUpperCase(), headers: h, body: raw ?? (body === undefined ? undefined : JSON.stringify(body)) });
    const res = await handler(req, { params: Promise.resolve(params) as Promise<never> });
    if ((res.headers.get("content-type") ?? "").startsWith("text/event-stream")) {
      await res.body?.cancel();
      assert.equal(res.status, 200);
      contract.seen.add(`${method} ${path} ${res.status}`);
      return undefined;
    }
    return contract.check(method, path, res);
  }

  it("every documented operation, from creating a term to its decision, with its refusals", async () => {
    const { db } = database();
    const china = await createActor(db, { delegation: "China" });
    const canada = await createActor(db, { delegation: "Canada" });
    const facilitator = await createActor(db, { role: "facilitator", delegation: "China" });
    const admin = await createActor(db, { role: "admin", delegation: "Canada" });
    const tokenOf = async (a: { id: string }) => (await createApiToken(a.id, "contract")).token;
    const [chinaT, canadaT, facT, adminT] = [await tokenOf(china), await tokenOf(canada), await tokenOf(facilitator), await tokenOf(admin)];
    const chinaDelegation = await db.delegation.findUniqueOrThrow({ where: { name: "China" } });

    await call(health.GET as Handler, "get", "/api/health", {});
    await call(openapi.GET as Handler, "get", "/api/openapi.json", {});
    await call(lexiconJson.GET as Handler, "get", "/api/lexicon.json", {}); // no terms yet: 404

    // A facilitator creates and opens a term; refusals on the way.
    await call(terms.POST as Handler, "post", "/api/terms", {}, { body: { headword: "x" } }); // 401
    await call(terms.POST as Handler, "post", "/api/terms", {}, { token: chinaT, body: { headword: "x" } }); // 403
    await call(terms.POST as Handler, "post", "/api/terms", {}, { token: facT, raw: "[1" }); // 400
    await call(terms.POST as Handler, "post", "/api/terms", {}, { token: facT, body: { headword: "" } }); // 422
    const created = (await call(terms.POST as Handler, "post", "/api/terms", {}, {
      token: facT,
      body: { headword: "Consociational security order", abbreviation: "CSO", definition: "A security order of shared leadership.", slug: "cso-contract" },
    })) as { slug: string };
    const slug = created.slug;
    await call(terms.POST as Handler, "post", "/api/terms", {}, { token: facT, body: { headword: "Again", slug } }); // 409
    await call(term.PATCH as Handler, "patch", "/api/terms/{slug}", { slug }, { token: facT, body: { context: "Sino-Canadian seminar, 2013." } });
    await call(term.PATCH as Handler, "patch", "/api/terms/{slug}", { slug: "nope" }, { token: facT, body: { context: "x" } }); // 404
    await call(stage.POST as Handler, "post", "/api/terms/{slug}/stage", { slug }, { token: facT, body: { stage: "nonsense" } }); // 422
    await call(stage.POST as Handler, "post", "/api/terms/{slug}/stage", { slug }, { token: facT, body: { stage: "consultation" } });

    // Scholars propose, grade, argue.
    const propose = (token: string, text: string) =>
      call(proposals.POST as Handler, "post", "/api/terms/{slug}/renderings", { slug }, { token, body: { text, gloss: "many elements together", rationale: "Plain and balanced." } }) as Promise<{ id: string }>;
    const a = await propose(chinaT, "多元共商");
    const b = await propose(canadaT, "多元共生");
    const c = await propose(chinaT, "多元共存");
    const dup = await propose(canadaT, "多元共進");
    await propose(canadaT, "多元共商"); // 409 duplicate
    await call(proposals.POST as Handler, "post", "/api/terms/{slug}/renderings", { slug }, { token: chinaT, body: { text: "abc" } }); // 422
    await call(rendering.PATCH as Handler, "patch", "/api/renderings/{id}", { id: a.id }, { token: chinaT, body: { gloss: "many elements consulting together" } });
    await call(rendering.PATCH as Handler, "patch", "/api/renderings/{id}", { id: a.id }, { token: canadaT, body: { gloss: "x" } }); // 403
    const withdrawn = await propose(canadaT, "多元合作");
    await call(rendering.DELETE as Handler, "delete", "/api/renderings/{id}", { id: withdrawn.id }, { token: canadaT });
    await call(rendering.DELETE as Handler, "delete", "/api/renderings/{id}", { id: "missing" }, { token: canadaT }); // 404

    const noReason = (await call(ballot.PUT as Handler, "put", "/api/terms/{slug}/ballot", { slug }, { token: chinaT, body: { grades: { [a.id]: "excellent", [b.id]: "good", [c.id]: "reject" } } })) as {
      error: { fields: Record<string, unknown> };
    }; // 422: reason
    // A refused field: a code to switch on and its English text.
    assert.deepEqual(noReason.error.fields, { [`reasons.${c.id}`]: { code: "reason_required", message: "A reject needs a reason: say why you cannot live with this rendering." } });
    await call(ballot.PUT as Handler, "put", "/api/terms/{slug}/ballot", { slug }, { token: chinaT, body: { grades: { [a.id]: "excellent", [b.id]: "good", [c.id]: "reject", [dup.id]: "good" }, reasons: { [c.id]: "Static." }, note: "" } });
    await call(ballot.PUT as Handler, "put", "/api/terms/{slug}/ballot", { slug }, { token: canadaT, body: { grades: { [a.id]: "very_good", [b.id]: "acceptable", [dup.id]: "very_good" } } });
    await call(ballot.PUT as Handler, "put", "/api/terms/{slug}/ballot", { slug }, { body: { grades: {} } }); // 401
    await call(ballot.GET as Handler, "get", "/api/terms/{slug}/ballot", { slug }, { token: chinaT });
    await call(ballot.GET as Handler, "get", "/api/terms/{slug}/ballot", { slug }, {}); // 401
    await call(results.GET as Handler, "get", "/api/terms/{slug}/results", { slug });
    await call(results.GET as Handler, "get", "/api/terms/{slug}/results", { slug: "nope" }); // 404
    await call(ballots.GET as Handler, "get", "/api/terms/{slug}/ballots", { slug });
    await call(terms.GET as Handler, "get", "/api/terms", {});
    await call(term.GET as Handler, "get", "/api/terms/{slug}", { slug });
    await call(term.GET as Handler, "get", "/api/terms/{slug}", { slug: "nope" }); // 404
    await call(events.GET as Handler, "get", "/api/terms/{slug}/events", { slug });

    const first = (await call(renderingComments.POST as Handler, "post", "/api/renderings/{id}/comments", { id: a.id }, { token: canadaT, body: { stance: "for", body: "Says what both sides mean." } })) as { id: string };
    await call(renderingComments.POST as Handler, "post", "/api/renderings/{id}/comments", { id: a.id }, { token: chinaT, body: { stance: "question", body: "Why not 共生?", parentId: first.id } });
    await call(renderingComments.POST as Handler, "post", "/api/renderings/{id}/comments", { id: a.id }, { token: chinaT, body: { stance: "maybe", body: "" } }); // 422
    await call(comment.PATCH as Handler, "patch", "/api/comments/{id}", { id: first.id }, { token: canadaT, body: { body: "Says what both delegations mean." } });
    await call(comment.PATCH as Handler, "patch", "/api/comments/{id}", { id: first.id }, { token: chinaT, body: { body: "mine now" } }); // 403
    const doomed = (await call(renderingComments.POST as Handler, "post", "/api/renderings/{id}/comments", { id: b.id }, { token: chinaT, body: { stance: "against", body: "Too biological." } })) as { id: string };
    await call(comment.DELETE as Handler, "delete", "/api/comments/{id}", { id: doomed.id }, { token: chinaT });
    const abusive = (await call(renderingComments.POST as Handler, "post", "/api/renderings/{id}/comments", { id: b.id }, { token: chinaT, body: { stance: "against", body: "Rude words." } })) as { id: string };
    await call(commentHide.POST as Handler, "post", "/api/comments/{id}/hide", { id: abusive.id }, { token: facT, body: { reason: "Insulting." } });
    await call(commentHide.POST as Handler, "post", "/api/comments/{id}/hide", { id: abusive.id }, { token: facT, body: {} }); // 409
    await call(commentHide.DELETE as Handler, "delete", "/api/comments/{id}/hide", { id: abusive.id }, { token: adminT });

    // Rate limits: a member at the limit is refused with 429 and Retry-After.
    for (const [kind, n] of [["proposal", WRITE_LIMITS.proposal.max], ["comment", WRITE_LIMITS.comment.max], ["invitation", WRITE_LIMITS.invitation.max]] as const) {
      await db.rateWindow.upsert({ where: { key: `write:${kind}:${admin.id}` }, update: { count: n, windowStart: new Date() }, create: { key: `write:${kind}:${admin.id}`, count: n, windowStart: new Date() } });
    }
    const limited = { token: adminT };
    await call(proposals.POST as Handler, "post", "/api/terms/{slug}/renderings", { slug }, { ...limited, body: { text: "多元共融", gloss: "g", rationale: "r" } });
    await call(renderingComments.POST as Handler, "post", "/api/renderings/{id}/comments", { id: a.id }, { ...limited, body: { stance: "for", body: "Once more." } });
    await call(invites.POST as Handler, "post", "/api/invites", {}, { ...limited, body: { delegationId: chinaDelegation.id } });
    for (const p of ["post /api/terms/{slug}/renderings 429", "post /api/renderings/{id}/comments 429", "post /api/invites 429"]) assert.ok(contract.seen.has(p), p);

    // Facilitation: hide and restore a rendering, merge a duplicate and undo it.
    await call(renderingHide.POST as Handler, "post", "/api/renderings/{id}/hide", { id: c.id }, { token: facT });
    await call(renderingHide.DELETE as Handler, "delete", "/api/renderings/{id}/hide", { id: c.id }, { token: facT }); // 403: admins only
    await call(renderingHide.DELETE as Handler, "delete", "/api/renderings/{id}/hide", { id: c.id }, { token: adminT });
    const merged = (await call(merge.POST as Handler, "post", "/api/renderings/{id}/merge", { id: dup.id }, { token: facT, body: { into: b.id } })) as { mergeId: string };
    await call(merge.POST as Handler, "post", "/api/renderings/{id}/merge", { id: dup.id }, { token: facT, body: { into: b.id } }); // 409
    await call(undo.POST as Handler, "post", "/api/merges/{id}/undo", { id: merged.mergeId }, { token: adminT });
    await call(undo.POST as Handler, "post", "/api/merges/{id}/undo", { id: merged.mergeId }, { token: adminT }); // 409

    // The decision.
    await call(decision.POST as Handler, "post", "/api/terms/{slug}/decision", { slug }, { token: facT, body: { adoptedRenderingId: a.id, statementEn: "x", statementZh: "x" } }); // 403: still in consultation
    await call(stage.POST as Handler, "post", "/api/terms/{slug}/stage", { slug }, { token: facT, body: { stage: "provisional" } });
    const d = (await call(decision.POST as Handler, "post", "/api/terms/{slug}/decision", { slug }, {
      token: facT,
      body: { adoptedRenderingId: a.id, admittedIds: [b.id], deprecatedIds: [c.id], statementEn: "Adopted by both delegations.", statementZh: "经双方代表团同意采用。" },
    })) as { id: string };
    await call(decisions.GET as Handler, "get", "/api/terms/{slug}/decisions", { slug });
    await call(decisionOne.GET as Handler, "get", "/api/terms/{slug}/decisions/{id}", { slug, id: d.id });
    await call(decisionOne.GET as Handler, "get", "/api/terms/{slug}/decisions/{id}", { slug, id: "nope" }); // 404
    await call(decisionBallots.GET as Handler, "get", "/api/terms/{slug}/decisions/{id}/ballots", { slug, id: d.id });
    await call(decisionBallots.GET as Handler, "get", "/api/terms/{slug}/decisions/{id}/ballots", { slug, id: "nope" }); // 404

    // Exports of a published term and of the lexicon.
    for (const [handler, path, params] of [
      [lexiconJson.GET, "/api/lexicon.json", {}],
      [lexiconCsv.GET, "/api/lexicon.csv", {}],
      [lexiconTbx.GET, "/api/lexicon.tbx", {}],
      [termJson.GET, "/api/terms/{slug}/export.json", { slug }],
      [termCsv.GET, "/api/terms/{slug}/export.csv", { slug }],
      [termTbx.GET, "/api/terms/{slug}/export.tbx", { slug }],
    ] as const) {
      await call(handler as Handler, "get", path, params);
    }
    await call(termCsv.GET as Handler, "get", "/api/terms/{slug}/export.csv", { slug }, { query: "?bom=1" });

    // The import of a glossary: our own CSV, as a preview and for real (nothing new), and a refusal.
    const csv = await (await lexiconCsv.GET(new NextRequest(`${BASE}/api/lexicon.csv`), { params: Promise.resolve({}) as Promise<never> })).text();
    const asCsv = { "content-type": "text/csv" };
    await call(lexiconImport.POST as Handler, "post", "/api/lexicon/import", {}, { token: facT, raw: csv, headers: asCsv, query: "?dryRun=1" });
    await call(lexiconImport.POST as Handler, "post", "/api/lexicon/import", {}, { token: facT, raw: csv, headers: asCsv });
    await call(lexiconImport.POST as Handler, "post", "/api/lexicon/import", {}, { token: facT, raw: "<martif><broken>", headers: { "content-type": "application/xml" } }); // 422
    await call(lexiconImport.POST as Handler, "post", "/api/lexicon/import", {}, { token: chinaT, raw: csv, headers: asCsv }); // 403

    // The viewer's own parts of the term page: a member's, and nobody's.
    await call(viewer.GET as Handler, "get", "/api/terms/{slug}/viewer", { slug }, { token: chinaT });
    await call(viewer.GET as Handler, "get", "/api/terms/{slug}/viewer", { slug });

    // The account and invitations.
    await call(me.GET as Handler, "get", "/api/me", {}, { token: chinaT });
    await call(me.GET as Handler, "get", "/api/me", {}, {}); // 401
    await call(me.PATCH as Handler, "patch", "/api/me", {}, { token: chinaT, body: { affiliation: "Peking University", orcid: "0000-0002-1825-0097" } });
    await call(me.PATCH as Handler, "patch", "/api/me", {}, { token: canadaT, body: { orcid: "0000-0002-1825-0097" } }); // 409
    const badLocale = (await call(me.PATCH as Handler, "patch", "/api/me", {}, { token: chinaT, body: { locale: "fr" } })) as { error: { fields: Record<string, unknown> } }; // 422
    assert.deepEqual(badLocale.error.fields, { locale: { code: "locale_invalid", message: "Choose English or 中文." } });
    await call(me.PATCH as Handler, "patch", "/api/me", {}, { token: chinaT, body: { delegationId: (await db.delegation.findUniqueOrThrow({ where: { name: "Canada" } })).id } }); // 403
    await call(invites.POST as Handler, "post", "/api/invites", {}, { token: facT, body: { delegationId: chinaDelegation.id, maxUses: 3 } });
    await call(invites.POST as Handler, "post", "/api/invites", {}, { token: facT, body: { delegationId: chinaDelegation.id, days: 1000 } }); // 422
    await call(invites.GET as Handler, "get", "/api/invites", {}, { token: facT });
    await call(invites.GET as Handler, "get", "/api/invites", {}, { token: chinaT }); // 403
    await call(audit.GET as Handler, "get", "/api/audit", {}, { token: adminT, query: "?limit=5" });
    await call(audit.GET as Handler, "get", "/api/audit", {}, { token: facT }); // 403

    // A forgotten password, and one-click unsubscribe.
    await call(resetRequest.POST as Handler, "post", "/api/auth/password-reset", {}, { body: { email: "nobody@example.org" } }); // 202 all the same
    await call(resetRequest.POST as Handler, "post", "/api/auth/password-reset", {}, { body: { email: "not an address" } }); // 422
    const resetToken = "contract-test-reset-token";
    await db.passwordReset.create({ data: { tokenHash: hashResetToken(resetToken), userId: china.id, expiresAt: new Date(Date.now() + 60_000) } });
    await call(resetConfirm.POST as Handler, "post", "/api/auth/password-reset/confirm", {}, { body: { token: "unknown", password: "a new password 1" } }); // 404
    await call(resetConfirm.POST as Handler, "post", "/api/auth/password-reset/confirm", {}, { body: { token: resetToken, password: "a new password 1" } });
    await call(resetConfirm.POST as Handler, "post", "/api/auth/password-reset/confirm", {}, { body: { token: resetToken, password: "a new password 2" } }); // 409: used
    await call(unsubscribe.POST as Handler, "post", "/api/unsubscribe/{token}", { token: unsubscribeToken(china.id, "consultation") });
    await call(unsubscribe.POST as Handler, "post", "/api/unsubscribe/{token}", { token: "not.a.token" }); // 404

    // The interface language. (NextAuth.js's own endpoints need Next's request scope: e2e/standards.spec.ts checks them over HTTP.)
    const form = new URLSearchParams({ locale: "zh" }).toString();
    await call(locale.POST as Handler, "post", "/api/locale", {}, { raw: form, headers: { "content-type": "application/x-www-form-urlencoded" } });

    // A members-only site: every read refuses anonymous callers with the documented 401.
    await updateSiteSettings(admin, { membersOnly: true });
    try {
      await call(terms.GET as Handler, "get", "/api/terms", {});
      await call(term.GET as Handler, "get", "/api/terms/{slug}", { slug });
      await call(results.GET as Handler, "get", "/api/terms/{slug}/results", { slug });
      await call(decisions.GET as Handler, "get", "/api/terms/{slug}/decisions", { slug });
      await call(lexiconJson.GET as Handler, "get", "/api/lexicon.json", {});
      await call(termCsv.GET as Handler, "get", "/api/terms/{slug}/export.csv", { slug });
      await call(terms.GET as Handler, "get", "/api/terms", {}, { token: chinaT }); // 200 with a token
    } finally {
      await updateSiteSettings(admin, { membersOnly: false });
    }

    assert.deepEqual(contract.unexercised(["get /api/auth/{nextauth}", "post /api/auth/{nextauth}"]), [], "every documented operation answered with a success at least once");
  });
});
