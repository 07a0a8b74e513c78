import { apiRoute } from "@/server/http/api-route";
import { lexiconExportResponse } from "@/server/lexicon-export";

export const dynamic = "force-dynamic";

/** One term as CSV, in the same format as the whole lexicon's export. */
export const GET = apiRoute<{ slug: string }>(async (req, { params }) => {
  return lexiconExportResponse(req, "csv", (await params).slug);
});
