import { apiRoute, json } from "@/server/http/api-route";
import { readJsonObject } from "@/server/http/read-json";
import { actorForWrite } from "@/server/auth/request";
import { addComment } from "@/server/deliberation/comments";

export const dynamic = "force-dynamic";

/** Comment on a rendering: { stance: for | against | question, body, parentId? } → 201. */
export const POST = apiRoute<{ id: string }>(async (req, { params }) => {
  const actor = await actorForWrite(req);
  const body = actor ? await readJsonObject(req) : null;
  return json(await addComment(actor, (await params).id, body), { status: 201 });
});
