import { apiRoute, json } from "@/server/http/api-route";
import { readJsonObject } from "@/server/http/read-json";
import { actorForWrite } from "@/server/auth/request";
import { editRendering, withdrawRendering } from "@/server/deliberation/renderings";

export const dynamic = "force-dynamic";

/** The proposer corrects the gloss, rationale or pinyin of their own rendering. */
export const PATCH = apiRoute<{ id: string }>(async (req, { params }) => {
  const actor = await actorForWrite(req);
  const body = actor ? await readJsonObject(req) : null;
  return json(await editRendering(actor, (await params).id, body));
});

/** The proposer withdraws their own rendering (while nobody else has graded it). */
export const DELETE = apiRoute<{ id: string }>(async (req, { params }) => {
  return json(await withdrawRendering(await actorForWrite(req), (await params).id));
});
