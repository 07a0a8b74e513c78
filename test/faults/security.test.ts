/**
 * Security checks as tests (issue 7), against the built server:
 * - a cross-origin form post is refused (API writes with a session cookie from another
 *   origin, and the ballot form's server action posted from another origin), while the same
 *   requests from the site itself work;
 * - hostile text (script, event handlers, javascript: URLs, RTL overrides, very long strings)
 *   in a comment, a rendering's gloss and rationale, a reject reason and a ballot note is
 *   stored as text and rendered inert on the term page;
 * - one scholar's token cannot touch another's data;
 * - responses carry a Content-Security-Policy (and the other security headers).
 */
import assert from "node:assert/strict";
import { before, it } from "node:test";
import { fingerprint, json } from "@/test/support/raw-sql";
import { useApp } from "@/test/support/app";
import { makeFixture, type Fixture } from "./support/fixtures";
import { assertJsonError, call, sessionCookie } from "@/test/support/http";
import { describeEachEngine } from "@/test/support/db";
import { API_OPERATIONS } from "@/lib/openapi/registry";

const EVIL = "https://evil.example";

/** The page without its <script> elements (where React's RSC payload carries text JSON-escaped). */
function markup(html: string): string {
  return html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, "");
}

function unescapeHtml(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/** The hidden fields and the grade field names of the ballot form in a rendered term page. */
function ballotForm(html: string): { hidden: [string, string][]; gradeFields: string[] } | null {
  for (const chunk of html.split("<form").slice(1)) {
    const form = chunk.split("</form>")[0]!;
    if (!form.includes('name="grades.')) continue;
    const hidden = [...form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/?>/g)].map(
      (m) => [unescapeHtml(m[1]!), unescapeHtml(m[2] ?? "")] as [string, string],
    );
    const gradeFields = [...new Set([...form.matchAll(/name="(grades\.[^"]+)"/g)].map((m) => m[1]!))];
    return { hidden, gradeFields };
  }
  return null;
}

const HOSTILE = {
  script: "<script>alert('xss-script')</script>",
  img: '<img src=x onerror="alert(\'xss-img\')">',
  svg: '"><svg onload=alert(1)>',
  link: "javascript:alert('xss-link')",
  rtl: "safe\u202Eexe.txt",
};
const hostileText = Object.values(HOSTILE).join(" ");
/** Markup that must never appear unescaped in the page. */
const RAW_MARKERS = ["<script>alert(", "<img src=x onerror", "<svg onload", 'href="javascript:'];

describeEachEngine("security", ({ engine }) => {
  const app = useApp(engine, "security");
  let f: Fixture;

  before(async () => {
    const { server, sql } = app();
    f = await makeFixture(server.url, sql, "sec");
  });

  it("a cross-origin write with the session cookie is refused; the same from the site works", async () => {
    const { server, sql } = app();
    const cookie = await sessionCookie(f.scholar.id);
    const body = { grades: { [f.term.renderings[0]!]: "good" } };
    const before = await fingerprint(sql);
    const foreign = await call(server.url, "/api/terms/cso/ballot", { method: "PUT", cookie, body, headers: { origin: EVIL } });
    assert.equal(foreign.status, 403);
    assertJsonError(foreign, "cross-origin PUT");
    const fetchSite = await call(server.url, "/api/terms/cso/ballot", { method: "PUT", cookie, body, headers: { "sec-fetch-site": "cross-site" } });
    assert.equal(fetchSite.status, 403);
    const neither = await call(server.url, "/api/terms/cso/ballot", { method: "PUT", cookie, body });
    assert.equal(neither.status, 403, "a cookie write with neither Origin nor Sec-Fetch-Site is refused");
    // A form that another site can actually submit: urlencoded or multipart, POST.
    for (const [path, form] of [
      [`/api/terms/cso/renderings`, "text=%E5%A4%9A%E5%85%83%E5%85%B1%E8%B5%A2&gloss=x&rationale=y"],
      [`/api/renderings/${f.renderingId}/comments`, "stance=for&body=forged"],
    ] as const) {
      const a = await call(server.url, path, {
        method: "POST",
        cookie,
        body: form,
        headers: { origin: EVIL, "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "cross-site" },
      });
      assert.ok(a.status >= 400 && a.status < 500, `${path}: ${a.status}`);
    }
    assert.equal(await fingerprint(sql), before, "a cross-origin request wrote something");
    const own = await call(server.url, "/api/terms/cso/ballot", { method: "PUT", cookie, body, headers: { origin: server.url } });
    assert.equal(own.status, 200, `the same write from the site: ${own.text}`);
  });

  it("the ballot form's server action posted from another origin is refused; from the site it saves", async () => {
    const { server, sql } = app();
    const voter = f.other;
    const cookie = await sessionCookie(voter.id);
    // The page rendered for the member (the shared page fills the form in on the client): its
    // form is a plain post to its own address, as without JavaScript (decision 015).
    const page = await call(server.url, "/terms/cso/plain", { cookie });
    assert.equal(page.status, 200);
    const form = ballotForm(page.text);
    assert.ok(form, "no ballot form on the page rendered for a signed-in scholar");
    const post = (origin: string) => {
      const data = new FormData();
      for (const [k, v] of form.hidden) data.append(k, v);
      for (const g of form.gradeFields) data.append(g, "good");
      data.append("note", "posted by a form");
      return fetch(`${server.url}/terms/cso/plain`, { method: "POST", body: data, headers: { cookie, origin }, redirect: "manual" });
    };
    const ballotOf = async () =>
      (await sql.all<{ note: string }>(`SELECT "note" FROM "Ballot" WHERE "userId" = ? AND "termId" = ?`, [voter.id, f.term.id]))[0];
    const before = await fingerprint(sql);
    const foreign = await post(EVIL);
    await foreign.arrayBuffer();
    assert.ok(foreign.status >= 400, `cross-origin action answered ${foreign.status}`);
    assert.equal(await ballotOf(), undefined, "the cross-origin form post saved a ballot");
    assert.equal(await fingerprint(sql), before);
    const own = await post(server.url);
    await own.arrayBuffer();
    assert.ok(own.status < 400, `same-origin action answered ${own.status}`);
    assert.equal((await ballotOf())?.note, "posted by a form", "the same form from the site did not save (the refusal above proves nothing)");
  });

  it("hostile text is stored as text and rendered inert", async () => {
    const { server, sql } = app();
    const [r1, r2] = f.term.renderings as [string, string];
    const ballot = await call(server.url, "/api/terms/cso/ballot", {
      method: "PUT",
      token: f.scholar.token,
      body: { grades: { [r1]: "reject", [r2]: "good" }, reasons: { [r1]: hostileText }, note: hostileText },
    });
    assert.equal(ballot.status, 200, ballot.text);
    const comment = await call(server.url, `/api/renderings/${f.renderingId}/comments`, {
      method: "POST",
      token: f.other.token,
      body: { stance: "against", body: hostileText },
    });
    assert.equal(comment.status, 201, comment.text);
    const edited = await call(server.url, `/api/renderings/${f.renderingId}`, {
      method: "PATCH",
      token: f.author.token,
      body: { gloss: HOSTILE.img, rationale: hostileText },
    });
    assert.equal(edited.status, 200, edited.text);
    // A rendering itself must be Han script: markup as a proposal is refused outright.
    for (const text of [HOSTILE.script, HOSTILE.img, `多元${HOSTILE.svg}`, `多元\u202E共存`]) {
      const proposal = await call(server.url, "/api/terms/cso/renderings", { method: "POST", token: f.scholar.token, body: { text, gloss: "g", rationale: "r" } });
      assert.equal(proposal.status, 422, `proposal ${JSON.stringify(text)}: ${proposal.status} ${proposal.text.slice(0, 200)}`);
      assertJsonError(proposal, "hostile proposal");
    }

    // Stored exactly as sent.
    const [b] = await sql.all<{ reasons: unknown; note: string }>(`SELECT "reasons", "note" FROM "Ballot" WHERE "userId" = ?`, [f.scholar.id]);
    assert.equal(json<Record<string, string>>(b!.reasons)[r1], hostileText);
    assert.equal(b!.note, hostileText);
    const [c] = await sql.all<{ body: string }>(`SELECT "body" FROM "Comment" WHERE "id" = ?`, [(comment.json as { id: string }).id]);
    assert.equal(c!.body, hostileText);
    const [r] = await sql.all<{ gloss: string; rationale: string }>(`SELECT "gloss", "rationale" FROM "Rendering" WHERE "id" = ?`, [f.renderingId]);
    assert.deepEqual(r, { gloss: HOSTILE.img, rationale: hostileText });

    // Rendered inert: in the page's markup only escaped, and shown (escaped) at least once.
    for (const cookie of [undefined, await sessionCookie(f.scholar.id)]) {
      const page = await call(server.url, "/terms/cso", { cookie });
      assert.equal(page.status, 200);
      // The whole page, scripts included: React's RSC payload carries text with "<" as \u003c,
      // so these sequences can only come from markup injected into the page.
      for (const marker of RAW_MARKERS) assert.ok(!page.text.includes(marker), `unescaped ${marker} in the term page`);
      assert.ok(markup(page.text).includes("&lt;script&gt;alert("), "the hostile text is not shown at all (expected it escaped)");
    }
    // Results JSON carries the reason as data (served as JSON, never sniffed as HTML).
    const results = await call(server.url, "/api/terms/cso/results");
    assert.match(results.headers.get("content-type") ?? "", /^application\/json/);
    assert.equal(results.headers.get("x-content-type-options"), "nosniff");
  });

  it("a right-to-left override in user text is isolated (dir=auto or <bdi>) wherever the term page shows it", async () => {
    const { server } = app();
    const html = markup((await call(server.url, "/terms/cso")).text);
    const exposed: string[] = [];
    for (let i = html.indexOf("\u202E"); i >= 0; i = html.indexOf("\u202E", i + 1)) {
      const opening = [...html.slice(0, i).matchAll(/<([a-z][a-z0-9]*)\b([^>]*)>/g)].at(-1);
      if (!opening || (opening[1] !== "bdi" && !/\bdir="auto"/.test(opening[2]!))) {
        exposed.push(`<${opening?.[1]}${opening?.[2] ?? ""}> ${JSON.stringify(html.slice(i - 30, i + 10))}`);
      }
    }
    assert.deepEqual(exposed, [], "user text with U+202E inside elements that do not isolate it");
  });

  it("over-long text is refused with a field error and not stored; text at the limit is stored and rendered", async () => {
    const { server, sql } = app();
    const [r1] = f.term.renderings as [string];
    const before = await fingerprint(sql);
    for (const [path, method, body] of [
      ["/api/terms/cso/ballot", "PUT", { grades: { [r1]: "good" }, note: "n".repeat(501) }],
      ["/api/terms/cso/ballot", "PUT", { grades: { [r1]: "reject" }, reasons: { [r1]: "r".repeat(1001) } }],
      [`/api/renderings/${f.renderingId}/comments`, "POST", { stance: "for", body: "c".repeat(4001) }],
      [`/api/renderings/${f.renderingId}`, "PATCH", { rationale: "w".repeat(2001) }],
    ] as const) {
      const token = path.startsWith("/api/renderings/") && method === "PATCH" ? f.author.token : f.scholar.token;
      const a = await call(server.url, path, { method, token, body });
      assert.equal(a.status, 422, `${method} ${path}: ${a.status} ${a.text.slice(0, 200)}`);
      assertJsonError(a, path);
    }
    assert.equal(await fingerprint(sql), before);
    const long = "長".repeat(4000);
    const ok = await call(server.url, `/api/renderings/${f.renderingId}/comments`, { method: "POST", token: f.scholar.token, body: { stance: "question", body: long } });
    assert.equal(ok.status, 201, ok.text.slice(0, 200));
    const page = await call(server.url, "/terms/cso");
    assert.equal(page.status, 200);
    assert.ok(page.text.includes(long), "a comment at the length limit is not shown");
  });

  it("one scholar's token cannot touch another's data", async () => {
    const { server, sql } = app();
    const [r1, r2] = f.term.renderings as [string, string];
    const mine = f.other; // the attacker
    const victim = f.author;
    const seeded = await call(server.url, "/api/terms/cso/ballot", { method: "PUT", token: victim.token, body: { grades: { [r1]: "excellent" }, note: "victim" } });
    assert.equal(seeded.status, 200);
    const victimBallot = async () => (await sql.all(`SELECT * FROM "Ballot" WHERE "userId" = ?`, [victim.id]))[0];
    const victimBefore = await victimBallot();
    const [{ delegationId: myDelegation, role: myRole }] = (await sql.all<{ delegationId: string; role: string }>(
      `SELECT "delegationId", "role" FROM "User" WHERE "id" = ?`,
      [mine.id],
    )) as [{ delegationId: string; role: string }];

    // Smuggled identities in the body are ignored: the ballot is the caller's.
    const smuggled = await call(server.url, "/api/terms/cso/ballot", {
      method: "PUT",
      token: mine.token,
      body: { grades: { [r2]: "poor" }, userId: victim.id, user: victim.id, voter: victim.id, delegationId: f.admin.delegationId === myDelegation ? "x" : f.admin.delegationId },
    });
    assert.ok(smuggled.status === 200 || smuggled.status === 422, smuggled.text);
    assert.deepEqual(await victimBallot(), victimBefore, "the victim's ballot changed");
    const read = await call(server.url, "/api/terms/cso/ballot", { token: mine.token });
    assert.notEqual((read.json as { note: string }).note, "victim", "the attacker read the victim's ballot");

    // The victim's comment and rendering: neither editable nor deletable nor hideable by another scholar.
    const before = await fingerprint(sql);
    const attempts: [string, string, unknown][] = [
      ["PATCH", `/api/comments/${f.commentId}`, { body: "defaced" }],
      ["DELETE", `/api/comments/${f.commentId}`, undefined],
      ["PATCH", `/api/renderings/${f.renderingId}`, { gloss: "defaced" }],
      ["DELETE", `/api/renderings/${f.renderingId}`, undefined],
      ["POST", `/api/renderings/${f.renderingId}/hide`, { reason: "defaced" }],
      ["POST", `/api/comments/${f.commentId}/hide`, { reason: "defaced" }],
    ];
    for (const [method, path, body] of attempts) {
      const a = await call(server.url, path, { method, token: mine.token, body });
      assert.ok(a.status === 403 || a.status === 404, `${method} ${path} by another scholar: ${a.status} ${a.text.slice(0, 200)}`);
      assertJsonError(a, `${method} ${path}`);
    }
    // Nor can a scholar raise their own role through their profile.
    const promoted = await call(server.url, "/api/me", { method: "PATCH", token: mine.token, body: { role: "admin" } });
    assert.ok(promoted.status < 500, promoted.text);
    const [{ role }] = (await sql.all<{ role: string }>(`SELECT "role" FROM "User" WHERE "id" = ?`, [mine.id])) as [{ role: string }];
    assert.equal(role, myRole);
    assert.equal(await fingerprint(sql), before, "another scholar's attempts changed data");

    // A revoked token and a disabled account's token are refused.
    await sql.run(`UPDATE "ApiToken" SET "revokedAt" = ? WHERE "userId" = ?`, [new Date().toISOString(), mine.id]);
    const revoked = await call(server.url, "/api/terms/cso/ballot", { method: "PUT", token: mine.token, body: { grades: { [r1]: "good" } } });
    assert.equal(revoked.status, 401);
    assertJsonError(revoked, "revoked token");
    await sql.run(`UPDATE "User" SET "disabledAt" = ? WHERE "id" = ?`, [new Date().toISOString(), f.scholar.id]);
    const disabled = await call(server.url, "/api/terms/cso/ballot", { method: "PUT", token: f.scholar.token, body: { grades: { [r1]: "good" } } });
    assert.equal(disabled.status, 401);
  });

  it("every member operation of the API (lib/openapi/registry.ts) refuses a caller without a session or token: 401, nothing written", async () => {
    const { server, sql } = app();
    const before = await fingerprint(sql);
    const idFor = (path: string) => (path.startsWith("/api/comments/") ? f.commentId : path.startsWith("/api/merges/") ? "no-such-merge" : f.renderingId);
    const members = API_OPERATIONS.filter((op) => op.auth === "member");
    assert.ok(members.length > 10, "the registry lists the member operations");
    for (const op of members) {
      const path = op.path.replace("{slug}", "cso").replace("{id}", idFor(op.path));
      const a = await call(server.url, path, { method: op.method.toUpperCase(), body: op.method === "get" ? undefined : {} });
      assertJsonError(a, `${op.method.toUpperCase()} ${path} without credentials`);
      assert.equal(a.status, 401, `${op.method.toUpperCase()} ${path} without credentials: ${a.text.slice(0, 200)}`);
    }
    assert.equal(await fingerprint(sql), before, "an anonymous request wrote something");
  });

  it("pages and API answers carry a Content-Security-Policy and the other security headers", async () => {
    const { server } = app();
    for (const path of ["/", "/terms/cso", "/api/health", "/api/terms/cso/results", "/no-such-page"]) {
      const a = await call(server.url, path);
      const csp = a.headers.get("content-security-policy") ?? "";
      assert.ok(csp, `${path}: no Content-Security-Policy`);
      for (const directive of ["default-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "base-uri 'self'", "form-action 'self'"]) {
        assert.ok(csp.includes(directive), `${path}: CSP lacks ${directive}: ${csp}`);
      }
      assert.ok(!csp.includes("unsafe-eval"), `${path}: CSP allows eval in production`);
      assert.ok(!/(script|default)-src[^;]*(\*|https?:)/.test(csp), `${path}: CSP allows scripts from elsewhere: ${csp}`);
      assert.equal(a.headers.get("x-content-type-options"), "nosniff", path);
      assert.equal(a.headers.get("x-frame-options"), "DENY", path);
    }
  });
}, { database: false });
