import { apiRoute } from "@/server/http/api-route";
import { lexiconExportResponse } from "@/server/exports/lexicon";
import { readerGate } from "@/server/membership/access";

export const dynamic = "force-dynamic";

/** The whole lexicon as TBX (see server/exports/lexicon.ts for what is included). */
export const GET = apiRoute(async (req) => {
  await readerGate(req);
  return lexiconExportResponse(req, "tbx");
});
