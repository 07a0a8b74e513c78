import { apiRoute } from "@/server/http/api-route";
import { getVersionedResults } from "@/server/results/service";
import { readerGate } from "@/server/membership/access";

export const dynamic = "force-dynamic";

/** The term's results (format in domain.md), from the tally cache (server/results/service.ts). */
export const GET = apiRoute<{ slug: string }>(async (req, { params }) => {
  await readerGate(req);
  // The cached JSON text as stored: no parse and re-serialization on the hot path. The tally
  // version lets a live page tell whether these results include the ballot it heard of.
  const { version, bytes } = await getVersionedResults((await params).slug);
  return new Response(bytes, {
    headers: { "Content-Type": "application/json", "Cache-Control": "no-cache", "X-Tally-Version": String(version) },
  });
});
