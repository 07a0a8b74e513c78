import { apiRoute, json } from "@/server/http/api-route";
import { readJsonObject } from "@/server/http/read-json";
import { actorForWrite } from "@/server/auth/request";
import { mergeRendering } from "@/server/deliberation/merge";

export const dynamic = "force-dynamic";

/** Facilitators merge this (duplicate) rendering into another: { into } → the merge, undoable by an admin. */
export const POST = apiRoute<{ id: string }>(async (req, { params }) => {
  const actor = await actorForWrite(req);
  const body = actor ? await readJsonObject(req) : null;
  return json(await mergeRendering(actor, (await params).id, body), { status: 201 });
});
