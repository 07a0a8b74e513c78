import { apiRoute, json } from "@/server/http/api-route";
import { readJsonObject } from "@/server/http/read-json";
import { actorForWrite, actorFromRequest } from "@/server/auth/request";
import { castBallot, getBallot } from "@/server/ballots/service";

export const dynamic = "force-dynamic";

const PRIVATE = { headers: { "Cache-Control": "private, no-store" } };

/** The caller's own ballot on the term (revision 0 when not cast yet). */
export const GET = apiRoute<{ slug: string }>(async (req, { params }) => {
  const actor = await actorFromRequest(req);
  return json(await getBallot(actor, (await params).slug), PRIVATE);
});

/** Replaces the caller's ballot: { grades: { id: grade }, reasons?: { id: text }, note? }. */
export const PUT = apiRoute<{ slug: string }>(async (req, { params }) => {
  const actor = await actorForWrite(req);
  const { slug } = await params;
  // Anonymous callers learn they must sign in before learning anything about their body.
  const body = actor ? await readJsonObject(req) : null;
  return json(await castBallot(actor, slug, body), PRIVATE);
});
