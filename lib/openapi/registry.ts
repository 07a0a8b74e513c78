import type { SchemaName } from "@/lib/openapi/schemas";
import { DELIBERATION_OPERATIONS } from "@/lib/openapi/deliberation";
import { MEMBERSHIP_OPERATIONS } from "@/lib/openapi/membership";
import { OVERLOADED, READ_GATE, err } from "@/lib/openapi/responses";
import { IMPORT_OPERATIONS } from "@/lib/openapi/imports";

/**
 * Every route of the app's API, by path and method, with what it takes and returns. The
 * OpenAPI document (lib/openapi/document.ts) is generated from this list, and a test checks
 * that it names exactly the route handlers under app/api. Adding a route: add it here.
 */
export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";
export type Auth = "public" | "member";

type Content = { schema: SchemaName; type?: string } | { type: string; also?: string[]; description?: string };

export type ApiOperation = {
  method: HttpMethod;
  /** OpenAPI path: /api/terms/{slug} for app/api/terms/[slug]/route.ts. */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  /** public: anyone (members only when an admin makes the site members-only); member: a session or an API token. */
  auth: Auth;
  query?: { name: string; description: string; schema: { type: "string"; enum?: string[] } }[];
  headers?: { name: string; description: string }[];
  body?: Content;
  /** Status → what comes back; errors use the ApiError schema unless said otherwise. */
  responses: Record<number, { description: string; content?: Content; headers?: Record<string, string> }>;
};

const NOT_FOUND = { ...READ_GATE, 404: err("No such term.") };
const DOWNLOAD = { "Content-Disposition": 'attachment; filename="gongshang-….<format>"' };
const BOM = { name: "bom", description: "1: CSV for Excel (UTF-8 byte order mark, formula-like cells neutralized). Alias: excel=1.", schema: { type: "string" as const, enum: ["1"] } };

const exportsOf = (scope: "lexicon" | "term"): ApiOperation[] => {
  const path = (f: string) => (scope === "lexicon" ? `/api/lexicon.${f}` : `/api/terms/{slug}/export.${f}`);
  const what = scope === "lexicon" ? "The whole lexicon" : "One term";
  const notFound = scope === "lexicon" ? { ...READ_GATE, 404: err("The lexicon has no terms yet.") } : NOT_FOUND;
  return [
    {
      method: "get",
      path: path("tbx"),
      tag: "Exports",
      auth: "public",
      summary: `${what} as TBX-Basic (TBX v3, DCA style)`,
      description:
        "Decided terms carry administrativeStatus preferredTerm-admn-sts (正名), admittedTerm-admn-sts (又称) and deprecatedTerm-admn-sts; renderings of undecided terms are candidates with a note.",
      responses: { 200: { description: "A TBX document.", content: { type: "application/x-tbx+xml" }, headers: DOWNLOAD }, ...notFound },
    },
    {
      method: "get",
      path: path("csv"),
      tag: "Exports",
      auth: "public",
      summary: `${what} as CSV (RFC 4180), one row per rendering`,
      query: [BOM],
      responses: { 200: { description: "CSV with a header row.", content: { type: "text/csv" }, headers: DOWNLOAD }, ...notFound },
    },
    {
      method: "get",
      path: path("json"),
      tag: "Exports",
      auth: "public",
      summary: `${what} as JSON`,
      responses: { 200: { description: "The lexicon.", content: { schema: "LexiconExport" }, headers: DOWNLOAD }, ...notFound },
    },
  ];
};

export const API_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: "/api/health",
    tag: "Service",
    auth: "public",
    summary: "Whether the app and its database answer",
    responses: { 200: { description: "Healthy.", content: { schema: "Health" } }, 503: { description: "The database does not answer.", content: { schema: "Health" } } },
  },
  {
    method: "get",
    path: "/api/openapi.json",
    tag: "Service",
    auth: "public",
    summary: "This API description (OpenAPI 3.1)",
    responses: { 200: { description: "The document.", content: { schema: "OpenApiDocument" } } },
  },
  {
    method: "get",
    path: "/api/terms",
    tag: "Terms",
    auth: "public",
    summary: "The lexicon: every term with its stage, counts, leader and consensus",
    responses: { 200: { description: "The terms.", content: { schema: "TermList" } }, ...READ_GATE },
  },
  {
    method: "get",
    path: "/api/terms/{slug}",
    tag: "Terms",
    auth: "public",
    summary: "One term with its active candidate renderings",
    responses: { 200: { description: "The term.", content: { schema: "TermDetail" } }, ...NOT_FOUND },
  },
  {
    method: "get",
    path: "/api/terms/{slug}/results",
    tag: "Ballots",
    auth: "public",
    summary: "The term's results: merit profiles, medians, pairwise matrix, Schulze ranking, consensus",
    responses: { 200: { description: "The results (format in docs/domain.md).", content: { schema: "Results" } }, ...NOT_FOUND },
  },
  {
    method: "get",
    path: "/api/terms/{slug}/ballots",
    tag: "Ballots",
    auth: "public",
    summary: "The anonymized ballot export, the input of `npm run tally`",
    responses: { 200: { description: "Renderings and pseudonymous ballots.", content: { schema: "BallotExport" } }, ...NOT_FOUND },
  },
  {
    method: "get",
    path: "/api/terms/{slug}/viewer",
    tag: "Terms",
    auth: "public",
    summary: "The caller's own parts of the term's page: who they are, their ballot, their proposals and comments, facilitators' lists (nobody when signed out)",
    responses: { 200: { description: "The viewer's parts (private, not cached).", content: { schema: "TermViewer" } }, ...NOT_FOUND },
  },
  {
    method: "get",
    path: "/api/terms/{slug}/ballot",
    tag: "Ballots",
    auth: "member",
    summary: "The caller's own ballot on the term (revision 0 when not cast yet)",
    responses: { 200: { description: "The ballot.", content: { schema: "BallotView" } }, 401: err("Not signed in."), 404: err("No such term.") },
  },
  {
    method: "put",
    path: "/api/terms/{slug}/ballot",
    tag: "Ballots",
    auth: "member",
    summary: "Replace the caller's ballot (grades per rendering; a reject needs a reason)",
    body: { schema: "BallotInput" },
    responses: {
      200: { description: "The saved ballot.", content: { schema: "BallotView" } },
      400: err("The body is not a JSON object."),
      401: err("Not signed in."),
      403: err("Grading is closed (stage_closed), the caller has no delegation, or a cross-site request."),
      404: err("No such term."),
      422: err("Invalid grades or reasons; see error.fields."),
      ...OVERLOADED,
    },
  },
  {
    method: "get",
    path: "/api/terms/{slug}/events",
    tag: "Live",
    auth: "public",
    summary: "Server-Sent Events of the term: one event per change (ballot, rendering, comment, stage, decision, term)",
    description: "Resumes after Last-Event-ID (or ?since=); a client more than 200 events behind receives one `resync` event.",
    headers: [{ name: "Last-Event-ID", description: "The id of the last event received." }],
    query: [{ name: "since", description: "Same as Last-Event-ID, for clients that cannot set headers.", schema: { type: "string" } }],
    responses: { 200: { description: "The event stream.", content: { schema: "TermEvents", type: "text/event-stream" } }, ...NOT_FOUND },
  },
  ...DELIBERATION_OPERATIONS,
  ...MEMBERSHIP_OPERATIONS,
  ...exportsOf("lexicon"),
  ...exportsOf("term"),
  ...IMPORT_OPERATIONS,
  {
    method: "post",
    path: "/api/locale",
    tag: "Interface",
    auth: "public",
    summary: "Set the interface language (the language switcher's form); saved to the profile when signed in",
    body: { schema: "LocaleForm", type: "application/x-www-form-urlencoded" },
    responses: { 303: { description: "Back to the referring page, with the locale cookie set.", headers: { Location: "The page to return to." } } },
  },
  {
    method: "get",
    path: "/api/auth/{nextauth}",
    tag: "Sign-in",
    auth: "public",
    summary: "NextAuth.js endpoints (session, csrf, providers, callbacks); {nextauth} stands for one or more path segments",
    responses: { 200: { description: "See the NextAuth.js REST API.", content: { schema: "NextAuthJson" } } },
  },
  {
    method: "post",
    path: "/api/auth/{nextauth}",
    tag: "Sign-in",
    auth: "public",
    summary: "NextAuth.js endpoints (sign-in, sign-out, callbacks)",
    responses: { 200: { description: "See the NextAuth.js REST API.", content: { schema: "NextAuthJson" } }, 302: { description: "Redirect after sign-in or sign-out." } },
  },
];
