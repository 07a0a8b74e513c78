import { apiRoute, json } from "@/server/http/api-route";
import { getTerm } from "@/server/terms/read";
import { listDecisions } from "@/server/decisions/service";
import { readerGate } from "@/server/membership/access";

export const dynamic = "force-dynamic";

/** Every decision of the term, newest first; superseded ones have supersededAt. */
export const GET = apiRoute<{ slug: string }>(async (req, { params }) => {
  await readerGate(req);
  const term = await getTerm((await params).slug);
  return json({ decisions: await listDecisions(term.id) });
});
