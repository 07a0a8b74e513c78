import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { z } from "zod";
import { openApiDocument } from "./document";
import { API_OPERATIONS } from "./registry";
import { SCHEMAS } from "./schemas";

const APP_API = path.join(process.cwd(), "app", "api");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** Every route handler under app/api: its OpenAPI path (from the folders) and exported methods. */
function routesInApp(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const d of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, d.name);
      if (d.isDirectory()) walk(p);
      else if (/^route\.(ts|tsx|js)$/.test(d.name)) {
        const segments = path
          .relative(path.join(process.cwd(), "app"), dir)
          .split(path.sep)
          .filter((s) => !/^\(.*\)$/.test(s)) // route groups do not appear in the URL
          .map((s) => s.replace(/^\[\[?(?:\.\.\.)?(\w+)\]?\]$/, "{$1}"));
        const source = readFileSync(p, "utf8");
        const exported = new Set<string>();
        for (const m of source.matchAll(/export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)) exported.add(m[1]!);
        for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) {
          for (const part of m[1]!.split(",")) {
            const name = part.trim().split(/\s+as\s+/).pop()!;
            if ((METHODS as readonly string[]).includes(name)) exported.add(name);
          }
        }
        assert.ok(exported.size > 0, `${p} exports no HTTP method`);
        for (const method of exported) found.push(`${method.toLowerCase()} /${segments.join("/")}`);
      }
    }
  };
  walk(APP_API);
  return found.sort();
}

/** The non-GET handlers defined with apiRoute, as "method /path". */
function writesThroughApiRoute(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const d of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, d.name);
      if (d.isDirectory()) walk(p);
      else if (d.name === "route.ts") {
        const segments = path
          .relative(path.join(process.cwd(), "app"), dir)
          .split(path.sep)
          .map((s) => s.replace(/^\[\[?(?:\.\.\.)?(\w+)\]?\]$/, "{$1}"));
        for (const m of readFileSync(p, "utf8").matchAll(/export\s+const\s+(POST|PUT|PATCH|DELETE)\s*=\s*apiRoute\b/g)) {
          found.push(`${m[1]!.toLowerCase()} /${segments.join("/")}`);
        }
      }
    }
  };
  walk(APP_API);
  return found.sort();
}

describe("OpenAPI description", () => {
  it("documents every route of the app, and nothing that is not one", () => {
    const documented = API_OPERATIONS.map((op) => `${op.method} ${op.path}`).sort();
    const inApp = routesInApp();
    assert.deepEqual(
      { missing: inApp.filter((r) => !documented.includes(r)), stale: documented.filter((r) => !inApp.includes(r)) },
      { missing: [], stale: [] },
      "add missing routes to lib/openapi/registry.ts; remove stale ones",
    );
    assert.equal(new Set(documented).size, documented.length, "no operation twice");
  });

  it("says that every write through the route wrapper may be refused with 503 and Retry-After", () => {
    // Writes go through apiRoute's admission (server/http/admission.ts); other handlers do not.
    const writes = writesThroughApiRoute();
    assert.ok(writes.includes("put /api/terms/{slug}/ballot"), writes.join(", "));
    for (const w of writes) {
      const op = API_OPERATIONS.find((o) => `${o.method} ${o.path}` === w);
      assert.ok(op?.responses[503]?.headers?.["Retry-After"], `${w}: add ...OVERLOADED to its responses`);
    }
  });

  it("is OpenAPI 3.1 with every reference resolved and every path parameter declared", () => {
    const doc = openApiDocument() as { openapi: string; paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>; components: { schemas: Record<string, unknown> } };
    assert.equal(doc.openapi, "3.1.0");
    const text = JSON.stringify(doc);
    for (const m of text.matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)) assert.ok(doc.components.schemas[m[1]!], `unresolved ${m[1]}`);
    for (const [p, ops] of Object.entries(doc.paths)) {
      const names = [...p.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const op of Object.values(ops)) assert.deepEqual(op.parameters?.filter((x) => x.in === "path").map((x) => x.name) ?? [], names, p);
    }
  });

  it("describes bodies and responses with the zod schemas the code validates with", () => {
    const doc = openApiDocument() as { components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> } };
    assert.deepEqual(doc.components.schemas.BallotInput?.required, ["grades"], "input view: reasons and note have defaults");
    assert.ok(doc.components.schemas.Results?.properties?.pairwise);
    for (const [name, { schema, io }] of Object.entries(SCHEMAS)) {
      assert.doesNotThrow(() => z.toJSONSchema(schema as z.ZodType, { io }), `${name} converts without losing anything`);
    }
  });

  it("gives every JSON body and response a real schema: none is a bare string, every one resolves to an object", () => {
    type Media = Record<string, { schema: { $ref?: string; type?: string } }>;
    type Op = { requestBody?: { content: Media }; responses: Record<string, { content?: Media }> };
    const doc = openApiDocument() as { paths: Record<string, Record<string, Op>>; components: { schemas: Record<string, { type?: string }> } };
    const offenders: string[] = [];
    let jsonCount = 0;
    for (const [p, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const media = [["body", op.requestBody?.content] as const, ...Object.entries(op.responses).map(([status, r]) => [status, r.content] as const)];
        for (const [where, content] of media) {
          for (const [type, { schema }] of Object.entries(content ?? {})) {
            if (!/json/.test(type)) continue;
            jsonCount++;
            const resolved = schema.$ref ? doc.components.schemas[schema.$ref.split("/").pop()!] : schema;
            if (!resolved || resolved.type !== "object") offenders.push(`${method} ${p} ${where} ${type}: ${JSON.stringify(schema)}`);
          }
        }
      }
    }
    assert.deepEqual(offenders, []);
    assert.ok(jsonCount > 60, `${jsonCount} JSON bodies and responses described`);
  });

  it("documents the 429 of every rate-limited write, with Retry-After", () => {
    const doc = openApiDocument() as { paths: Record<string, Record<string, { responses: Record<string, { headers?: Record<string, unknown> }> }>> };
    for (const [p, m] of [["/api/terms/{slug}/renderings", "post"], ["/api/renderings/{id}/comments", "post"], ["/api/invites", "post"]] as const) {
      assert.ok(doc.paths[p]?.[m]?.responses["429"]?.headers?.["Retry-After"], `${m} ${p}`);
    }
  });

  it("documents the JSON export's fields that the CSV carries as columns", () => {
    const doc = openApiDocument() as { components: { schemas: Record<string, unknown> } };
    const text = JSON.stringify(doc.components.schemas.LexiconExport);
    for (const [field, column] of [["rationale", "rationale"], ["decidedBy", "decided_by"], ["statementEn", "statement_en"], ["statementZh", "statement_zh"]]) {
      assert.match(text, new RegExp(`"${field}":\\{"type":"string","description":"[^"]*CSV column ${column}`), field);
    }
  });
});
