import assert from "node:assert/strict";
import Ajv2020 from "ajv/dist/2020";
import type { ValidateFunction } from "ajv";
import { openApiDocument } from "@/lib/openapi/document";

/**
 * Checks real responses against the API's own OpenAPI document: the status must be documented
 * for the operation, and a JSON body must validate (Ajv, JSON Schema 2020-12, the dialect of
 * OpenAPI 3.1) against the schema documented for that status. Records which operation answered
 * with which status, so a test can require that every documented operation was exercised.
 */
type Operation = { responses: Record<string, { content?: Record<string, { schema: unknown }> }> };
type Document = { paths: Record<string, Record<string, Operation>> };

const escape = (s: string) => s.replace(/~/g, "~0").replace(/\//g, "~1");

export class ContractChecker {
  readonly document = openApiDocument() as Document;
  /** "get /api/terms/{slug} 200", each response checked. */
  readonly seen = new Set<string>();
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  private readonly validators = new Map<string, ValidateFunction>();

  constructor() {
    this.ajv.addSchema(this.document as object, "openapi");
  }

  private validator(pointer: string): ValidateFunction {
    let v = this.validators.get(pointer);
    if (!v) {
      v = this.ajv.compile({ $ref: `openapi#${pointer}` });
      this.validators.set(pointer, v);
    }
    return v;
  }

  /** Checks one response of `method path` (the documented path, e.g. /api/terms/{slug}); returns the parsed JSON body, if any. */
  async check(method: string, path: string, res: Response): Promise<unknown> {
    const op = this.document.paths[path]?.[method];
    assert.ok(op, `${method} ${path} is not in the OpenAPI document`);
    const status = String(res.status);
    const documented = op.responses[status];
    const text = await res.text();
    assert.ok(documented, `${method} ${path} answered ${status}, which the document does not list (${Object.keys(op.responses).join(", ")}): ${text.slice(0, 300)}`);
    this.seen.add(`${method} ${path} ${status}`);
    const type = (res.headers.get("content-type") ?? "").split(";")[0]!.trim();
    if (!documented.content) {
      assert.equal(text, "", `${method} ${path} ${status} documents no body`);
      return undefined;
    }
    assert.ok(documented.content[type], `${method} ${path} ${status}: content type ${type || "(none)"} is not documented (${Object.keys(documented.content).join(", ")})`);
    if (type !== "application/json") return text;
    const body: unknown = JSON.parse(text);
    const validate = this.validator(`/paths/${escape(path)}/${method}/responses/${status}/content/${escape(type)}/schema`);
    assert.ok(validate(body), `${method} ${path} ${status} does not match its documented schema: ${this.ajv.errorsText(validate.errors, { separator: "\n  " })}\n  body: ${text.slice(0, 500)}`);
    return body;
  }

  /** Every documented operation that never answered with a 2xx (or 3xx) in the checks. */
  unexercised(except: string[] = []): string[] {
    const missing: string[] = [];
    for (const [path, ops] of Object.entries(this.document.paths)) {
      for (const method of Object.keys(ops)) {
        const key = `${method} ${path}`;
        if (except.includes(key)) continue;
        if (![...this.seen].some((s) => s.startsWith(`${key} `) && /^[23]/.test(s.slice(key.length + 1)))) missing.push(key);
      }
    }
    return missing;
  }
}
