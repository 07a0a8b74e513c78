import { apiRoute, json } from "@/server/http/api-route";
import { actorForWrite } from "@/server/auth/request";
import { importFromRequest } from "@/server/imports/lexicon";

export const dynamic = "force-dynamic";

/**
 * Facilitators import a glossary: the body a TBX-Basic file (application/xml) or the lexicon CSV
 * (text/csv); `?dryRun=1` previews. → 200 {created, updated, skipped, errors, …}; a file that is
 * not well-formed is a 422 with its problems by line (server/imports/lexicon.ts).
 */
export const POST = apiRoute(async (req) => json(await importFromRequest(await actorForWrite(req), req)));
