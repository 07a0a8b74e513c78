import { apiRoute, json } from "@/server/http/api-route";
import { getResults } from "@/server/results";
import { readerGate } from "@/server/access";

export const dynamic = "force-dynamic";

/** The term's results (format in domain.md), from the tally cache. */
export const GET = apiRoute<{ slug: string }>(async (req, { params }) => {
  await readerGate(req);
  return json(await getResults((await params).slug), { headers: { "Cache-Control": "no-cache" } });
});
