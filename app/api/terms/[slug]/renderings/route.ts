import { apiRoute, json } from "@/server/http/api-route";
import { readJsonObject } from "@/server/http/read-json";
import { actorForWrite } from "@/server/auth/request";
import { proposeRendering } from "@/server/deliberation/renderings";

export const dynamic = "force-dynamic";

/** Propose a rendering: { text, pinyin?, gloss, rationale } → 201 with the rendering (its pinyin derived when left out). */
export const POST = apiRoute<{ slug: string }>(async (req, { params }) => {
  const actor = await actorForWrite(req);
  const body = actor ? await readJsonObject(req) : null;
  return json(await proposeRendering(actor, (await params).slug, body), { status: 201 });
});
