import { z } from "@/lib/zod";
import { API_OPERATIONS, type ApiOperation } from "@/lib/openapi/registry";
import { SCHEMAS, type SchemaName } from "@/lib/openapi/schemas";

/**
 * The OpenAPI 3.1 description of the API, generated from the registry and the same zod schemas
 * the code validates with (zod 4's JSON Schema output is draft 2020-12, which OpenAPI 3.1 uses).
 */
type Json = Record<string, unknown>;

const ref = (name: SchemaName) => ({ $ref: `#/components/schemas/${name}` });

/**
 * One named schema. zod writes references relative to the schema's own root ("#" for a
 * recursive schema such as a comment with replies, "#/$defs/…"); inside the document they are
 * relative to the document, so they are re-pointed at the component.
 */
function componentSchema(name: SchemaName): Json {
  const { schema, io } = SCHEMAS[name];
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema as z.ZodType, { io, unrepresentable: "any" }) as Json;
  void _drop;
  const here = `#/components/schemas/${name}`;
  return JSON.parse(JSON.stringify(rest).replace(/"\$ref":"#(\/\$defs\/[^"]*)?"/g, (_m, defs: string | undefined) => `"$ref":"${here}${defs ?? ""}"`)) as Json;
}

/** JSON bodies by their schema; CSV and TBX are text in their own format. */
function content(c: NonNullable<ApiOperation["body"]>): Json {
  if ("schema" in c) return { [c.type ?? "application/json"]: { schema: ref(c.schema) } };
  return Object.fromEntries([c.type, ...(c.also ?? [])].map((t) => [t, { schema: { type: "string", ...(c.description ? { description: c.description } : {}) } }]));
}

function operation(op: ApiOperation): Json {
  const pathParams = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: "path", required: true, schema: { type: "string" } }));
  const parameters = [
    ...pathParams,
    ...(op.query ?? []).map((q) => ({ name: q.name, in: "query", required: false, description: q.description, schema: q.schema })),
    ...(op.headers ?? []).map((h) => ({ name: h.name, in: "header", required: false, description: h.description, schema: { type: "string" } })),
  ];
  return {
    operationId: `${op.method}${op.path.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ""))}`,
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    tags: [op.tag],
    ...(op.auth === "member" ? { security: [{ bearerToken: [] }, { sessionCookie: [] }] } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(op.body ? { requestBody: { required: true, content: content(op.body) } } : {}),
    responses: Object.fromEntries(
      Object.entries(op.responses).map(([status, r]) => [
        status,
        {
          description: r.description,
          ...(r.content ? { content: content(r.content) } : {}),
          ...(r.headers ? { headers: Object.fromEntries(Object.entries(r.headers).map(([h, d]) => [h, { description: d, schema: { type: "string" } }])) } : {}),
        },
      ]),
    ),
  };
}

export function openApiDocument(): Json {
  const paths: Record<string, Json> = {};
  for (const op of API_OPERATIONS) (paths[op.path] ??= {})[op.method] = operation(op);
  return {
    openapi: "3.1.0",
    info: {
      title: "Gongshang (共商) API",
      version: "1",
      description:
        "Read the lexicon, grade renderings, follow a term live, and export the lexicon. Errors are { error: { code, message, fields? } }. Write calls need a session cookie from this site or an API token (Authorization: Bearer gs_…).",
    },
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    paths,
    components: {
      schemas: Object.fromEntries((Object.keys(SCHEMAS) as SchemaName[]).map((name) => [name, componentSchema(name)])),
      securitySchemes: {
        bearerToken: { type: "http", scheme: "bearer", description: "A personal API token (gs_…), created on the profile page." },
        sessionCookie: { type: "apiKey", in: "cookie", name: "next-auth.session-token", description: "The browser session; writes must come from a page of this site." },
      },
    },
  };
}
