import { apiRoute, json } from "@/server/http/api-route";
import { readJsonObject } from "@/server/http/read-json";
import { actorForWrite } from "@/server/auth/request";
import { deleteComment, editComment } from "@/server/deliberation/comments";

export const dynamic = "force-dynamic";

/** The author edits their comment: { body, stance? } (marked as edited). */
export const PATCH = apiRoute<{ id: string }>(async (req, { params }) => {
  const actor = await actorForWrite(req);
  const body = actor ? await readJsonObject(req) : null;
  return json(await editComment(actor, (await params).id, body));
});

/** The author deletes their comment (204). */
export const DELETE = apiRoute<{ id: string }>(async (req, { params }) => {
  await deleteComment(await actorForWrite(req), (await params).id);
  return new Response(null, { status: 204 });
});
