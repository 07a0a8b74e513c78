import { apiRoute, json } from "@/server/http/api-route";
import { actorForWrite } from "@/server/auth/request";
import { undoMerge } from "@/server/deliberation/merge";

export const dynamic = "force-dynamic";

/** Admins undo a merge: grades, reasons, comments and the rendering restored. */
export const POST = apiRoute<{ id: string }>(async (req, { params }) => {
  return json(await undoMerge(await actorForWrite(req), (await params).id));
});
