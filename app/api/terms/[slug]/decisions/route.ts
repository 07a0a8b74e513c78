import { apiRoute, json } from "@/server/http/api-route";
import { getTerm } from "@/server/terms";
import { listDecisions } from "@/server/decisions";

export const dynamic = "force-dynamic";

/** Every decision of the term, newest first; superseded ones have supersededAt. */
export const GET = apiRoute<{ slug: string }>(async (_req, { params }) => {
  const term = await getTerm((await params).slug);
  return json({ decisions: await listDecisions(term.id) });
});
