import { apiRoute, json } from "@/server/http/api-route";
import { actorFromRequest } from "@/server/auth/request";
import { termViewer } from "@/server/terms/viewer";

export const dynamic = "force-dynamic";

/** The caller's own parts of the term's page (the shared cached page fills them in on the client). */
export const GET = apiRoute<{ slug: string }>(async (req, { params }) => {
  const actor = await actorFromRequest(req);
  return json(await termViewer(actor, (await params).slug), { headers: { "Cache-Control": "private, no-store" } });
});
