import { apiRoute } from "@/server/http/api-route";
import { readOptionalJsonObject } from "@/server/http/read-json";
import { actorForWrite } from "@/server/auth/request";
import { hideRendering, unhideRendering } from "@/server/deliberation/moderation";

export const dynamic = "force-dynamic";

/** Facilitators hide the rendering: { reason? } (told to its author) → 204. */
export const POST = apiRoute<{ id: string }>(async (req, { params }) => {
  const actor = await actorForWrite(req);
  const body = actor ? await readOptionalJsonObject(req) : null;
  await hideRendering(actor, (await params).id, body);
  return new Response(null, { status: 204 });
});

/** Admins restore a hidden rendering → 204. */
export const DELETE = apiRoute<{ id: string }>(async (req, { params }) => {
  await unhideRendering(await actorForWrite(req), (await params).id);
  return new Response(null, { status: 204 });
});
