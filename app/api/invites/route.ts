import { apiRoute, json } from "@/server/http/api-route";
import { readJsonObject } from "@/server/http/read-json";
import { actorForWrite, actorFromRequest } from "@/server/auth/request";
import { requireRole } from "@/server/auth/guard";
import { createInvite, listInvites } from "@/server/membership/invites";
import { inviteUrl, siteUrl } from "@/server/site/url";

export const dynamic = "force-dynamic";

const PRIVATE = { headers: { "Cache-Control": "private, no-store" } };

/** Invitations (facilitators and admins); the links themselves are never listed. */
export const GET = apiRoute(async (req) => json({ invites: await listInvites(await actorFromRequest(req)) }, PRIVATE));

/** Creates an invitation: { delegationId, role?, maxUses?, days? } → 201 { url, invite } (the url is shown once). */
export const POST = apiRoute(async (req) => {
  const actor = requireRole(await actorForWrite(req), "facilitator");
  const { token, invite } = await createInvite(actor, await readJsonObject(req));
  const base = siteUrl({ host: req.headers.get("x-forwarded-host") ?? req.headers.get("host"), proto: req.headers.get("x-forwarded-proto") });
  return json({ url: inviteUrl(base, token), invite }, { status: 201, ...PRIVATE });
});
