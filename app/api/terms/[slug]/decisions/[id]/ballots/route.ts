import { apiRoute } from "@/server/http/api-route";
import { getFrozenBallots } from "@/server/decisions/service";
import { readerGate } from "@/server/membership/access";

export const dynamic = "force-dynamic";

/**
 * The anonymized ballot export the decision froze, byte for byte as sealed (RFC 8785 canonical
 * JSON): its SHA-256 is the decision's ballotsDigest; `npm run tally` recounts it.
 */
export const GET = apiRoute<{ slug: string; id: string }>(async (req, { params }) => {
  await readerGate(req);
  const { slug, id } = await params;
  const { text, digest } = await getFrozenBallots(slug, id);
  return new Response(text, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      // Frozen: it never changes, but a members-only site must not let a shared cache keep it.
      "Cache-Control": "private, max-age=3600, immutable",
      ETag: `"${digest}"`,
      "Content-Disposition": `inline; filename="gongshang-${slug}-decision-${id}-ballots.json"`,
    },
  });
});
