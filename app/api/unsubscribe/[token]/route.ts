import { notFound } from "@/lib/errors";
import { apiRoute, json } from "@/server/http/api-route";
import { unsubscribe } from "@/server/notices/unsubscribe";

export const dynamic = "force-dynamic";

/**
 * One-click unsubscribe (RFC 8058): mail clients POST `List-Unsubscribe=One-Click` to the
 * List-Unsubscribe address. The signed token is the credential; no session, no body needed.
 */
export const POST = apiRoute<{ token: string }>(async (_req, { params }) => {
  const { token } = await params;
  if (!(await unsubscribe(token))) throw notFound("Unsubscribe link");
  return json({ status: "unsubscribed" }, { headers: { "Cache-Control": "no-store" } });
});
