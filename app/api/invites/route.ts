import { apiRoute, json } from "@/server/http/api-route";
import { readJsonObject } from "@/server/http/read-json";
import { actorForWrite, actorFromRequest } from "@/server/auth/request";
import { createInvite, emailInvites, listInvites } from "@/server/membership/invites";
import { inviteUrl, siteUrl } from "@/server/site/url";

export const dynamic = "force-dynamic";

const PRIVATE = { headers: { "Cache-Control": "private, no-store" } };

/** Invitations (facilitators and admins; a scholar's own when scholars may invite); the links themselves are never listed. */
export const GET = apiRoute(async (req) => json({ invites: await listInvites(await actorFromRequest(req)) }, PRIVATE));

/**
 * Creates an invitation: { delegationId, role?, maxUses?, days? } → 201 { url, invite } (the url
 * is shown once); with { emails, name?, note?, locale? } each address gets its link by email → 201 { invites }.
 */
export const POST = apiRoute(async (req) => {
  const actor = await actorForWrite(req);
  const body = await readJsonObject(req);
  if (body.emails !== undefined) return json(await emailInvites(actor, body), { status: 201, ...PRIVATE });
  const { token, invite } = await createInvite(actor, body);
  const base = siteUrl({ host: req.headers.get("x-forwarded-host") ?? req.headers.get("host"), proto: req.headers.get("x-forwarded-proto") });
  return json({ url: inviteUrl(base, token), invite }, { status: 201, ...PRIVATE });
});
