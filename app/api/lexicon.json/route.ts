import { apiRoute } from "@/server/http/api-route";
import { lexiconExportResponse } from "@/server/lexicon-export";
import { readerGate } from "@/server/access";

export const dynamic = "force-dynamic";

/** The whole lexicon as JSON (see server/lexicon-export.ts for what is included). */
export const GET = apiRoute(async (req) => {
  await readerGate(req);
  return lexiconExportResponse(req, "json");
});
