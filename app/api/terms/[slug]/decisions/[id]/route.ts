import { apiRoute, json } from "@/server/http/api-route";
import { getDecision } from "@/server/decisions/service";
import { readerGate } from "@/server/membership/access";

export const dynamic = "force-dynamic";

/** One decision with the frozen snapshot of the results it rests on. */
export const GET = apiRoute<{ slug: string; id: string }>(async (req, { params }) => {
  await readerGate(req);
  const { slug, id } = await params;
  const { decision, snapshot } = await getDecision(slug, id);
  return json({ ...decision, snapshot });
});
