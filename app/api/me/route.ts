import { apiRoute, json } from "@/server/http/api-route";
import { readJsonObject } from "@/server/http/read-json";
import { actorForWrite, actorFromRequest } from "@/server/auth/request";
import { requireActor } from "@/server/auth/guard";
import { getProfile, updateProfile } from "@/server/membership/profile";

export const dynamic = "force-dynamic";

const PRIVATE = { headers: { "Cache-Control": "private, no-store" } };

/** The caller's own profile (session or API token). */
export const GET = apiRoute(async (req) => json(await getProfile(await actorFromRequest(req)), PRIVATE));

/** Updates the caller's own profile: { name?, affiliation?, locale?, orcid? } (fields left out keep their value). */
export const PATCH = apiRoute(async (req) => {
  // Anonymous callers learn they must sign in before anything about their body.
  const actor = requireActor(await actorForWrite(req));
  return json(await updateProfile(actor, await readJsonObject(req)), PRIVATE);
});
