import type { ApiOperation } from "@/lib/openapi/registry";
import { OVERLOADED } from "@/lib/openapi/responses";

/** The import of glossaries (server/imports/lexicon.ts). */
export const IMPORT_OPERATIONS: ApiOperation[] = [
  {
    method: "post",
    path: "/api/lexicon/import",
    tag: "Exports",
    auth: "member",
    summary: "Import a glossary: TBX-Basic (v3, or v2 martif) or the lexicon CSV; facilitators and admins",
    description:
      "Terms are matched by concept id (c-<slug>) or by headword and source language; a matched term gains only the renderings it lacks (while it is a draft or in consultation), never loses anything; other concepts become draft terms. All or nothing, in one transaction; importing the same file twice changes nothing. At most 5 MiB and 2,000 concepts; 60 imports or previews per hour per member.",
    query: [
      { name: "dryRun", description: "1: a preview of what would change; nothing is written.", schema: { type: "string", enum: ["1", "true"] } },
      { name: "source", description: "Source language of new terms (default: the file's, else its document language, else en).", schema: { type: "string" } },
      { name: "target", description: "Target language of new terms (default: each concept's other language, else the file's most frequent).", schema: { type: "string" } },
      { name: "name", description: "The file's name, kept in the audit log and as the renderings' provenance.", schema: { type: "string" } },
    ],
    body: { type: "application/xml", also: ["text/csv"], description: "The file itself (UTF-8)." },
    responses: {
      200: { description: "What was (or, for a preview, would be) created, updated and skipped, per concept.", content: { schema: "ImportReport" } },
      400: { description: "Not a file this endpoint reads (another Content-Type, empty, larger than 5 MiB).", content: { schema: "ApiError" } },
      401: { description: "Not signed in.", content: { schema: "ApiError" } },
      403: { description: "Not a facilitator or admin, or a cross-site request.", content: { schema: "ApiError" } },
      409: { description: "The lexicon changed during the import; nothing was written.", content: { schema: "ApiError" } },
      422: { description: "The file is not well-formed, not TBX-Basic or not the lexicon CSV (error.errors: problems by line), or a query value is invalid; nothing was written.", content: { schema: "ImportRefusal" } },
      429: { description: "Too many imports in an hour.", content: { schema: "ApiError" } },
      ...OVERLOADED,
    },
  },
];
