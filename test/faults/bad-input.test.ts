/**
 * Bad input (issue 7): for every write endpoint of the API, fast-check generates malformed
 * requests (FAULTS_RUNS per endpoint, default 1,000, mixed: malformed bodies, bad headers,
 * bad path parameters) against the built server. Every answer must be a 4xx in the API's JSON
 * error shape, never a 5xx, the server must log no unexpected error, and the database must be
 * unchanged afterwards.
 *
 * Each generated request carries exactly one defect and is otherwise valid (the right actor's
 * token, a valid body, an existing term or rendering), so an answer other than a 4xx means
 * the defect got through.
 *
 * Not generated here, because they have tests of their own at the end: malformed
 * percent-encoding in a path or a cookie, U+0000 in a path parameter. Also out of
 * scope: other HTTP methods (Next answers 405 without a body), extra path segments (Next's
 * HTML 404 page) and the empty parameter (a 308 redirect).
 */
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import fc from "fast-check";
import { fingerprint } from "@/test/support/raw-sql";
import { useApp } from "@/test/support/app";
import { makeFixture, type Fixture } from "./support/fixtures";
import { assertJsonError, call, type Answer } from "@/test/support/http";
import { describeEachEngine } from "@/test/support/db";
import { API_OPERATIONS, type ApiOperation } from "@/lib/openapi/registry";

const RUNS = Number(process.env.FAULTS_RUNS ?? 1000);

type Actor = "scholar" | "author" | "facilitator" | "admin";

type Endpoint = {
  method: "PUT" | "POST" | "PATCH" | "DELETE";
  /** Path template; `{}` is the parameter. */
  path: string;
  param?: (f: Fixture) => string;
  actor: Actor;
  /** A valid body; absent when the endpoint reads none. */
  body?: (f: Fixture) => Record<string, unknown>;
  /** Fields that must be strings (a number, boolean, array or object there is a defect). */
  strings?: string[];
  /** Fields that must be objects. */
  objects?: string[];
  /** A token that may not do this (403/404), when there is one below the required role. */
  wrongActor?: Actor | "other";
  /** The body may be left empty (an empty body is then valid, not malformed). */
  optionalBody?: boolean;
  /** A file body instead of JSON (an import): its Content-Type, a valid file, and broken ones. */
  file?: { type: string; valid: (f: Fixture) => string; broken: () => fc.Arbitrary<{ kind: string; body: string | Buffer }> };
};

/** A valid TBX-Basic file with one new concept: any defect that gets through writes a term. */
const FUZZ_TBX = `<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader><fileDesc><sourceDesc><p>fuzz</p></sourceDesc></fileDesc></tbxHeader>
  <text><body><conceptEntry id="f1">
    <langSec xml:lang="en"><termSec><term>fuzzed import</term></termSec></langSec>
    <langSec xml:lang="zh-Hans"><termSec><term>模糊导入</term></termSec></langSec>
  </conceptEntry></body></text>
</tbx>
`;

/** Files an import must refuse: not well-formed, not TBX-Basic, entities, not UTF-8, too large. */
function brokenImports(): fc.Arbitrary<{ kind: string; body: string | Buffer }> {
  return fc.oneof(
    fc.integer({ min: 1, max: FUZZ_TBX.length - 2 }).map((n) => ({ kind: "truncated TBX", body: FUZZ_TBX.slice(0, n) })),
    // Each of these breaks a document wherever it lands (a quote would not: it is plain text between tags).
    fc.tuple(fc.integer({ min: 0, max: FUZZ_TBX.length - 1 }), fc.constantFrom("<", "&", "</x>", "<a", "&bogus;", "\u0001"))
      .map(([at, junk]) => ({ kind: "TBX with a broken character", body: FUZZ_TBX.slice(0, at) + junk + FUZZ_TBX.slice(at) }))
      .filter(({ body }) => body !== FUZZ_TBX),
    fc.string({ minLength: 1 }).filter((s) => !s.trimStart().startsWith("<")).map((body) => ({ kind: "not XML", body })),
    fc.constantFrom(
      { kind: "another vocabulary", body: "<html><body/></html>" },
      { kind: "another dialect", body: FUZZ_TBX.replace("TBX-Basic", "TBX-Linguist") },
      { kind: "no concept entries", body: FUZZ_TBX.replace(/<conceptEntry[\s\S]*<\/conceptEntry>/, "") },
      { kind: "a langSec without a language", body: FUZZ_TBX.replace('<langSec xml:lang="en">', "<langSec>") },
      { kind: "entity declarations", body: `<?xml version="1.0"?><!DOCTYPE tbx [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>${FUZZ_TBX.slice(FUZZ_TBX.indexOf("<tbx"))}` },
      { kind: "an external entity", body: `<?xml version="1.0"?><!DOCTYPE tbx [<!ENTITY x SYSTEM "file:///etc/passwd">]><tbx>&x;</tbx>` },
    ),
    fc.uint8Array({ minLength: 1, maxLength: 64 }).map((bytes) => ({ kind: "not UTF-8", body: Buffer.concat([Buffer.from("<tbx>"), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(bytes)]) })),
    fc.constant({ kind: "too large", body: Buffer.alloc(5 * 1024 * 1024 + 1, 0x20) }),
  );
}

type Recipe = Omit<Endpoint, "method" | "path">;

/**
 * How to attack each write operation of the API: a valid request's parameter, actor and body,
 * and which fields to corrupt. The operations themselves come from the OpenAPI registry
 * (lib/openapi/registry.ts, which a unit test keeps equal to the handlers under app/api), so a
 * new write endpoint fails this file until it has a recipe here.
 */
const RECIPES: Record<string, Recipe> = {
  "PUT /api/terms/{slug}/ballot": {
    param: () => "cso",
    actor: "scholar",
    body: (f) => ({ grades: { [f.term.renderings[0]!]: "good", [f.term.renderings[1]!]: "reject" }, reasons: { [f.term.renderings[1]!]: "no" }, note: "fuzz" }),
    strings: ["note"],
    objects: ["grades", "reasons"],
  },
  "POST /api/terms/{slug}/renderings": {
    param: () => "cso",
    actor: "scholar",
    body: () => ({ text: "模糊测试", gloss: "fuzz test", rationale: "for the fuzzer" }),
    strings: ["text", "gloss", "rationale"],
  },
  "POST /api/renderings/{id}/comments": {
    param: (f) => f.renderingId,
    actor: "scholar",
    body: () => ({ stance: "against", body: "fuzz" }),
    strings: ["stance", "body"],
  },
  "PATCH /api/comments/{id}": { param: (f) => f.commentId, actor: "author", body: () => ({ body: "edited" }), strings: ["body"], wrongActor: "other" },
  "DELETE /api/comments/{id}": { param: (f) => f.commentId, actor: "author", wrongActor: "other" },
  "PATCH /api/renderings/{id}": {
    param: (f) => f.renderingId,
    actor: "author",
    body: () => ({ gloss: "edited gloss" }),
    strings: ["gloss", "rationale"],
    wrongActor: "other",
  },
  "DELETE /api/renderings/{id}": { param: (f) => f.renderingId, actor: "author", wrongActor: "other" },
  "PATCH /api/me": { actor: "scholar", body: () => ({ affiliation: "Fuzz University" }), strings: ["name", "affiliation", "locale"] },
  "POST /api/terms": { actor: "facilitator", body: () => ({ headword: "fuzz term" }), strings: ["headword", "definition"], wrongActor: "scholar" },
  "PATCH /api/terms/{slug}": {
    param: () => "cso",
    actor: "facilitator",
    body: () => ({ context: "edited context" }),
    strings: ["headword", "definition", "context"],
    wrongActor: "scholar",
  },
  "POST /api/terms/{slug}/stage": { param: () => "cso", actor: "facilitator", body: () => ({ stage: "provisional" }), strings: ["stage"], wrongActor: "scholar" },
  "POST /api/terms/{slug}/decision": {
    param: () => "cso",
    actor: "facilitator",
    body: (f) => ({ adoptedRenderingId: f.term.renderings[0]!, statementEn: "Adopted.", statementZh: "采用。" }),
    strings: ["adoptedRenderingId", "statementEn", "statementZh"],
    wrongActor: "scholar",
  },
  "POST /api/invites": { actor: "facilitator", body: (f) => ({ delegationId: f.delegationId }), strings: ["delegationId", "role"], wrongActor: "scholar" },
  "POST /api/renderings/{id}/merge": {
    param: (f) => f.renderingId,
    actor: "facilitator",
    body: (f) => ({ into: f.term.renderings[0]! }),
    strings: ["into"],
    wrongActor: "scholar",
  },
  "POST /api/renderings/{id}/hide": { param: (f) => f.renderingId, actor: "facilitator", body: () => ({ reason: "spam" }), strings: ["reason"], wrongActor: "scholar", optionalBody: true },
  "DELETE /api/renderings/{id}/hide": { param: (f) => f.renderingId, actor: "admin", wrongActor: "facilitator" },
  "POST /api/comments/{id}/hide": { param: (f) => f.commentId, actor: "facilitator", body: () => ({ reason: "spam" }), strings: ["reason"], wrongActor: "scholar", optionalBody: true },
  "DELETE /api/comments/{id}/hide": { param: (f) => f.commentId, actor: "admin", wrongActor: "facilitator" },
  "POST /api/merges/{id}/undo": { param: () => "no-such-merge", actor: "admin", wrongActor: "facilitator" },
  "POST /api/lexicon/import": { actor: "facilitator", wrongActor: "scholar", file: { type: "application/xml", valid: () => FUZZ_TBX, broken: brokenImports } },
};

/** Public writes that carry no member's token, left to tests of their own rather than fuzzed here. */
const NOT_FUZZED: Record<string, string> = {
  "POST /api/auth/{nextauth}": "next-auth's own handler (sign-in limits: audit.test.ts)",
  "POST /api/auth/password-reset": "answers alike for any address (test/integration/password-reset.test.ts)",
  "POST /api/auth/password-reset/confirm": "a one-time token (test/integration/password-reset.test.ts)",
  "POST /api/unsubscribe/{token}": "a signed link (test/integration/notices.test.ts)",
  "POST /api/locale": "sets a cookie only",
};

const keyOf = (op: Pick<ApiOperation, "method" | "path">) => `${op.method.toUpperCase()} ${op.path}`;

/** The write endpoints of the API (every operation of the registry but GET), with their recipes. */
export const WRITE_ENDPOINTS: Endpoint[] = API_OPERATIONS.filter((op) => op.method !== "get" && !(keyOf(op) in NOT_FUZZED)).map((op) => {
  const recipe = RECIPES[keyOf(op)];
  if (!recipe) throw new Error(`no fuzz recipe for ${keyOf(op)}: add one to RECIPES in test/faults/bad-input.test.ts`);
  const path = op.path.replace(/\{\w+\}/, "{}");
  if (path.includes("{") !== !!recipe.param) throw new Error(`${keyOf(op)}: the recipe's param does not match the path`);
  return { method: op.method.toUpperCase() as Endpoint["method"], path, ...recipe };
});

const label = (e: Endpoint) => `${e.method} ${e.path.replace("{}", "{param}")}`;

// ---------------------------------------------------------------------------------------------
// Generators

/** Printable ASCII: what an HTTP header value may carry without the client refusing it. */
const headerText = (o: { minLength?: number; maxLength?: number } = {}) =>
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), ...o });

const anyJson = fc.jsonValue({ maxDepth: 2 });
const junkKeys = fc.dictionary(fc.string({ maxLength: 12 }), anyJson, { maxKeys: 3 });
const notString = fc.oneof(fc.integer(), fc.boolean(), fc.array(anyJson, { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 8 }), anyJson, { maxKeys: 3 }));
const notObject = fc.oneof(fc.integer(), fc.boolean(), fc.string(), fc.array(anyJson, { maxLength: 3 }));

type Req = { kind: string; param?: string; headers: Record<string, string>; body?: string | Buffer; actor: Actor | "other" | null };

/** No lone surrogates (encodeURIComponent refuses those). */
function wellFormed(s: string): boolean {
  try {
    encodeURIComponent(s);
    return true;
  } catch {
    return false;
  }
}

function isJson(s: string): boolean {
  try {
    JSON.parse(s);
    return true;
  } catch {
    return false;
  }
}

function malformedBodies(e: Endpoint, f: Fixture): fc.Arbitrary<Req> {
  if (e.file) {
    const type = e.file.type;
    return e.file.broken().map(({ kind, body }) => ({ kind, headers: { "content-type": type }, body, actor: e.actor }));
  }
  const valid = e.body!(f);
  const req = (kind: string, body: string): Req => ({ kind, headers: { "content-type": "application/json" }, body, actor: e.actor });
  const arbs: fc.Arbitrary<Req>[] = [
    fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.constantFrom("{", "{\"a\":", "[1,", "nul", "'x'", "{a:1}", "\"unterminated"))
      .filter((s) => !isJson(s) && !(e.optionalBody && s.trim() === ""))
      .map((s) => req("not JSON", s)),
    fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.string(), fc.array(anyJson, { maxLength: 4 })).map((v) => req("JSON, not an object", JSON.stringify(v))),
    fc.integer({ min: 64 * 1024 + 1, max: 200 * 1024 }).map((n) => req("too large", JSON.stringify({ ...valid, pad: "x".repeat(n) }))),
    // Nested deeper than any input (the audit's 30,000 arrays overflowed the stack): a 400, not a 500.
    fc.integer({ min: 33, max: 30_000 }).map((n) => req("nested too deep", JSON.stringify({ ...valid, deep: 0 }).replace(/0\}$/, `${"[".repeat(n)}${"]".repeat(n)}}`))),
    // A lone UTF-16 surrogate (JSON's "\udc00") in a key: not text anyone can store.
    fc.constantFrom("\ud800", "\udc00", "\udbff").map((lone) => req("lone surrogate in a key", JSON.stringify({ ...valid, [`k${lone}`]: "v" }))),
  ];
  if (e.strings?.length) {
    // The audit's site-wide 500: a lone surrogate stored in any text field. Refused with a 4xx.
    arbs.push(
      fc.record({ field: fc.constantFrom(...e.strings), lone: fc.constantFrom("\ud800", "\udc00", "\udbff", "\udfff"), at: fc.nat({ max: 3 }) }).map(({ field, lone, at }) =>
        req(`lone surrogate in ${field}`, JSON.stringify({ ...valid, [field]: `${"字".repeat(at)}${lone}${"x".repeat(3 - at)}` })),
      ),
    );
  }
  if (e.strings?.length) {
    arbs.push(
      fc.record({ field: fc.constantFrom(...e.strings), value: notString, junk: junkKeys }).map(({ field, value, junk }) =>
        req(`${field} not a string`, JSON.stringify({ ...junk, ...valid, [field]: value })),
      ),
    );
  }
  if (e.objects?.length) {
    arbs.push(
      fc.record({ field: fc.constantFrom(...e.objects), value: notObject, junk: junkKeys }).map(({ field, value, junk }) =>
        req(`${field} not an object`, JSON.stringify({ ...junk, ...valid, [field]: value })),
      ),
    );
  }
  if (e.path === "/api/terms/{}/ballot") {
    const [r1] = f.term.renderings as [string];
    const foreign = fc.string({ minLength: 1, maxLength: 100 }).filter((id) => !f.term.renderings.includes(id));
    const notGrade = fc.oneof(fc.string(), fc.constantFrom("Good", "GOOD", "great", "very good", "", "reject "), fc.integer());
    arbs.push(
      fc.tuple(foreign, fc.constantFrom("good", "poor", "excellent")).map(([id, g]) => req("grade for a foreign rendering", JSON.stringify({ grades: { [r1]: "good", [id]: g } }))),
      notGrade.filter((g) => !["reject", "poor", "acceptable", "good", "very_good", "excellent"].includes(g as string)).map((g) => req("not a grade", JSON.stringify({ grades: { [r1]: g } }))),
      fc.constantFrom(undefined, "", "   ", "\n\t").map((reason) => req("reject without a reason", JSON.stringify({ grades: { [r1]: "reject" }, reasons: reason === undefined ? {} : { [r1]: reason } }))),
      fc.constantFrom("\udc00", "\ud800").map((lone) => req("lone surrogate in a reject reason", JSON.stringify({ grades: { [r1]: "reject" }, reasons: { [r1]: `bad${lone}` } }))),
      fc.integer({ min: 501, max: 5000 }).map((n) => req("note too long", JSON.stringify({ grades: { [r1]: "good" }, note: "n".repeat(n) }))),
      fc.integer({ min: 1001, max: 5000 }).map((n) => req("reason too long", JSON.stringify({ grades: { [r1]: "reject" }, reasons: { [r1]: "r".repeat(n) } }))),
      fc.integer({ min: 201, max: 400 }).map((n) =>
        req("too many grades", JSON.stringify({ grades: Object.fromEntries(Array.from({ length: n }, (_, i) => [`r${i}`, "good"])) })),
      ),
      fc.constantFrom('{"grades":{"__proto__":"good"}}', '{"__proto__":{"grades":{}},"grades":7}', '{"grades":{"constructor":"good"}}').map((s) => req("prototype keys", s)),
    );
  }
  return fc.oneof(...arbs);
}

function badHeaders(e: Endpoint, f: Fixture): fc.Arbitrary<Req> {
  const base = (kind: string, headers: Record<string, string>, actor: Req["actor"]): Req => ({
    kind,
    headers: e.file ? { "content-type": e.file.type, ...headers } : e.body ? { "content-type": "application/json", ...headers } : headers,
    body: e.file ? e.file.valid(f) : e.body ? JSON.stringify(e.body(f)) : undefined,
    actor,
  });
  const arbs: fc.Arbitrary<Req>[] = [
    fc
      .oneof(
        headerText().map((s) => `Bearer ${s}`),
        headerText().map((s) => `Bearer gs_${s}`),
        headerText({ minLength: 1 }),
        fc.constantFrom("Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "Token gs_x", "Bearer gs_", `Bearer ${f.scholar.token.slice(0, -1)}`, `Bearer ${f.scholar.token}x`),
      )
      .filter((a) => a.trim() !== "")
      .map((authorization) => base("bad Authorization", { authorization }, null)),
    fc
      .array(fc.tuple(fc.constantFrom("next-auth.session-token", "__Secure-next-auth.session-token", "x", "gs_locale"), fc.string({ maxLength: 200 })), { minLength: 1, maxLength: 3 })
      .map((pairs) => base("junk session cookie", { cookie: pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join("; ") }, null)),
  ];
  if (e.file) {
    const readable = /^\s*(application\/xml|text\/xml|application\/[\w.-]+\+xml|text\/csv)\s*(;|$)/i;
    arbs.push(
      fc
        .oneof(fc.constantFrom("application/json", "text/plain", "multipart/form-data; boundary=x", "application/octet-stream", "text/html", "xml"), headerText({ minLength: 1 }))
        .filter((t) => !readable.test(t) && t.trim() !== "")
        .map((type) => base("wrong Content-Type", { "content-type": type }, e.actor)),
    );
  }
  if (e.body) {
    const json = /^application\/([\w.-]+\+)?json\b/i;
    arbs.push(
      fc
        .oneof(
          fc.constantFrom("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml", "text/html", "application/jsonx", "json", "application/ json"),
          headerText({ minLength: 1 }),
        )
        .filter((t) => !json.test(t) && t.trim() !== "")
        .map((type) => base("wrong Content-Type", { "content-type": type }, e.actor)),
    );
  }
  if (e.wrongActor) arbs.push(fc.constant(base(`token of a ${e.wrongActor}`, {}, e.wrongActor)));
  return fc.oneof(...arbs);
}

function badParams(e: Endpoint, f: Fixture, known: Set<string>): fc.Arbitrary<Req> {
  const param = fc
    .oneof(
      fc.string({ minLength: 1 }),
      fc.string({ unit: "grapheme", minLength: 1 }),
      fc.string({ unit: "binary", minLength: 1, maxLength: 40 }),
      fc.uuid(),
      fc.integer().map(String),
      fc.constantFrom("../cso", "cso/", "cso%2Fballot", "CSO", "cso ", " cso", "%", "%%", "'; DROP TABLE \"Ballot\"; --", "a".repeat(3000), "\u202Ecso", "ｃｓｏ"),
    )
    .filter((s) => wellFormed(s) && !s.includes("\u0000") && s !== "." && s !== ".." && !known.has(s));
  const headers: Record<string, string> = e.body ? { "content-type": "application/json" } : {};
  return param.map((p) => ({
    kind: "bad path parameter",
    param: p,
    headers,
    body: e.body ? JSON.stringify(e.body(f)) : undefined,
    actor: e.actor,
  }));
}

function tokenOf(f: Fixture, actor: Req["actor"]): string | undefined {
  if (actor === null) return undefined;
  return { scholar: f.scholar, author: f.author, facilitator: f.facilitator, admin: f.admin, other: f.other }[actor].token;
}

// ---------------------------------------------------------------------------------------------

describe("bad input: the endpoints attacked", () => {
  it("are the write operations of the OpenAPI registry, each with a recipe or a reason it has none", () => {
    const writes = API_OPERATIONS.filter((op) => op.method !== "get").map(keyOf);
    const stale = [...Object.keys(RECIPES), ...Object.keys(NOT_FUZZED)].filter((k) => !writes.includes(k));
    assert.deepEqual(stale, [], "recipes for operations the registry does not have");
    assert.equal(WRITE_ENDPOINTS.length + Object.keys(NOT_FUZZED).length, writes.length);
  });
});

describeEachEngine("bad input on every write endpoint", ({ engine }) => {
  const app = useApp(engine, "badinput");
  let f: Fixture;
  let known: Set<string>;

  before(async () => {
    const { server, sql } = app();
    f = await makeFixture(server.url, sql, "bad");
    const ids = await sql.all<{ id: string }>(
      `SELECT "id" FROM "Term" UNION SELECT "slug" FROM "Term" UNION SELECT "id" FROM "Rendering" UNION SELECT "id" FROM "Comment" UNION SELECT "id" FROM "RenderingMerge"`,
    );
    known = new Set(ids.map((r) => r.id));
  });

  for (const e of WRITE_ENDPOINTS) {
    it(`${label(e)}: ${RUNS} malformed requests → 4xx JSON errors, nothing written`, { timeout: 300_000 }, async () => {
      const { server, sql } = app();
      const before = await fingerprint(sql);
      const logStart = server.allLogs().length;
      const kinds = new Map<string, number>();
      const arb = fc.oneof(
        ...(e.body || e.file ? [{ arbitrary: malformedBodies(e, f), weight: 3 }] : []),
        { arbitrary: badHeaders(e, f), weight: 2 },
        ...(e.param ? [{ arbitrary: badParams(e, f, known), weight: 2 }] : []),
      );
      await fc.assert(
        fc.asyncProperty(arb, async (r) => {
          kinds.set(r.kind, (kinds.get(r.kind) ?? 0) + 1);
          const param = r.param !== undefined ? encodeURIComponent(r.param) : e.param ? encodeURIComponent(e.param(f)) : "";
          const path = e.path.replace("{}", param);
          const token = tokenOf(f, r.actor);
          const answer: Answer = await call(server.url, path, {
            method: e.method,
            headers: { ...r.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
            body: r.body,
          });
          assertJsonError(answer, `${e.method} ${path.slice(0, 120)} [${r.kind}]`);
        }),
        { numRuns: RUNS, endOnFailure: false },
      );
      assert.equal(await fingerprint(sql), before, "the database changed");
      const logged = server.allLogs().slice(logStart).match(/\[api\] unexpected error[^\n]*/g);
      assert.equal(logged, null, `the server logged unexpected errors: ${logged?.slice(0, 3).join(" | ")}`);
      const mix = [...kinds].map(([k, n]) => `${k} ${n}`).join(", ");
      console.log(`  [${engine}] ${label(e)}: ${mix}`);
    });
  }

  // Next.js itself would answer these with a plain-text 500 while decoding the parameter;
  // proxy.ts answers them first.
  it("malformed percent-encoding in a path parameter is the API's JSON 400", async () => {
    const { server } = app();
    for (const p of ["%E0%A4%A", "%", "%zz", "cso%", "%E0%A4"]) {
      const a = await call(server.url, `/api/terms/${p}/ballot`, { method: "PUT", token: f.scholar.token, body: { grades: {} } });
      assertJsonError(a, `PUT /api/terms/${p}/ballot`);
      assert.equal(a.status, 400);
    }
  });

  it("malformed percent-encoding in a cookie is no session, not a 500", async () => {
    const { server } = app();
    for (const cookie of ["next-auth.session-token=%E0%A4%A", "other=%zz; next-auth.session-token=x"]) {
      const a = await call(server.url, "/api/terms/cso/ballot", { method: "PUT", cookie, body: { grades: {} } });
      assertJsonError(a, `cookie ${cookie}`);
    }
  });

  it("U+0000 in a path parameter is a 4xx on both engines", async () => {
    const { server, sql } = app();
    const before = await fingerprint(sql);
    for (const e of WRITE_ENDPOINTS.filter((x) => x.param)) {
      const path = e.path.replace("{}", "%00");
      const token = tokenOf(f, e.actor)!;
      const a = await call(server.url, path, { method: e.method, token, body: e.body ? e.body(f) : undefined });
      assertJsonError(a, `${e.method} ${path}`);
    }
    const note = await call(server.url, "/api/terms/cso/ballot", { method: "PUT", token: f.scholar.token, body: { grades: {}, note: "a\u0000b" } });
    // A field error (issue 13): the form can show it beside the note.
    assert.equal(note.status, 422, note.text.slice(0, 200));
    assertJsonError(note, "a ballot note with U+0000");
    assert.deepEqual((note.json as { error: { fields: unknown } }).error.fields, {
      note: { code: "text_nul", message: "This text contains a NUL character, which is not allowed." },
    });
    assert.equal(await fingerprint(sql), before);
  });
}, { database: false });
