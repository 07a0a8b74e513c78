import { apiRoute } from "@/server/http/api-route";
import { lexiconExportResponse } from "@/server/exports/lexicon";
import { readerGate } from "@/server/membership/access";

export const dynamic = "force-dynamic";

/** One term as CSV, in the same format as the whole lexicon's export. */
export const GET = apiRoute<{ slug: string }>(async (req, { params }) => {
  await readerGate(req);
  return lexiconExportResponse(req, "csv", (await params).slug);
});
