import { apiRoute, json } from "@/server/http/api-route";
import { readJsonObject } from "@/server/http/read-json";
import { actorForWrite } from "@/server/auth/request";
import { moveStage } from "@/server/terms/admin";

export const dynamic = "force-dynamic";

/** Facilitators move the term: { stage, deadline? } (a deadline only for consultation). */
export const POST = apiRoute<{ slug: string }>(async (req, { params }) => {
  const actor = await actorForWrite(req);
  const body = actor ? await readJsonObject(req) : null;
  return json(await moveStage(actor, (await params).slug, body));
});
