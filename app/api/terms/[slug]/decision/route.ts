import { apiRoute, json } from "@/server/http/api-route";
import { readJsonObject } from "@/server/http/read-json";
import { actorForWrite } from "@/server/auth/request";
import { recordDecision } from "@/server/decisions/service";

export const dynamic = "force-dynamic";

/** Facilitators record the decision on a provisional term, which publishes it → 201. */
export const POST = apiRoute<{ slug: string }>(async (req, { params }) => {
  const actor = await actorForWrite(req);
  const body = actor ? await readJsonObject(req) : null;
  return json(await recordDecision(actor, (await params).slug, body), { status: 201 });
});
