import { apiRoute } from "@/server/http/api-route";
import { getResultsJson } from "@/server/results/service";
import { readerGate } from "@/server/membership/access";

export const dynamic = "force-dynamic";

/** The term's results (format in domain.md), from the tally cache (server/results/service.ts). */
export const GET = apiRoute<{ slug: string }>(async (req, { params }) => {
  await readerGate(req);
  // The cached JSON text as stored: no parse and re-serialization on the hot path.
  return new Response(await getResultsJson((await params).slug), {
    headers: { "Content-Type": "application/json", "Cache-Control": "no-cache" },
  });
});
