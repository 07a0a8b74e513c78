import { apiRoute } from "@/server/http/api-route";
import { readOptionalJsonObject } from "@/server/http/read-json";
import { actorForWrite } from "@/server/auth/request";
import { hideComment, unhideComment } from "@/server/deliberation/moderation";

export const dynamic = "force-dynamic";

/** Facilitators hide the comment: { reason? } (told to its author) → 204. */
export const POST = apiRoute<{ id: string }>(async (req, { params }) => {
  const actor = await actorForWrite(req);
  const body = actor ? await readOptionalJsonObject(req) : null;
  await hideComment(actor, (await params).id, body);
  return new Response(null, { status: 204 });
});

/** Admins restore a hidden comment → 204. */
export const DELETE = apiRoute<{ id: string }>(async (req, { params }) => {
  await unhideComment(await actorForWrite(req), (await params).id);
  return new Response(null, { status: 204 });
});
