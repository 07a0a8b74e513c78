import { apiRoute, json } from "@/server/http/api-route";
import { getResults } from "@/server/results";

export const dynamic = "force-dynamic";

/** The term's results (format in domain.md), from the tally cache. */
export const GET = apiRoute<{ slug: string }>(async (_req, { params }) => {
  return json(await getResults((await params).slug), { headers: { "Cache-Control": "no-cache" } });
});
