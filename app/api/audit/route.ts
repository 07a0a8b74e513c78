import { apiRoute, json } from "@/server/http/api-route";
import { actorFromRequest } from "@/server/auth/request";
import { listAudit } from "@/server/site/audit";

export const dynamic = "force-dynamic";

/** Admins read the audit log, newest first; ?before=<id> pages back, ?limit= up to 200. */
export const GET = apiRoute(async (req) => {
  const actor = await actorFromRequest(req);
  const url = new URL(req.url);
  const num = (name: string) => (/^\d{1,12}$/.test(url.searchParams.get(name) ?? "") ? Number(url.searchParams.get(name)) : undefined);
  return json(await listAudit(actor, { before: num("before"), limit: num("limit") }), { headers: { "Cache-Control": "private, no-store" } });
});
