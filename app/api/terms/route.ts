import { apiRoute, json } from "@/server/http/api-route";
import { listTerms } from "@/server/terms/read";
import { readJsonObject } from "@/server/http/read-json";
import { actorForWrite } from "@/server/auth/request";
import { createTerm } from "@/server/terms/admin";
import { readerGate } from "@/server/membership/access";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (req) => {
  await readerGate(req);
  return json({ terms: await listTerms() });
});

/** Facilitators create a term (as a draft): { headword, slug?, abbreviation?, definition?, ... } → 201. */
export const POST = apiRoute(async (req) => {
  const actor = await actorForWrite(req);
  const body = actor ? await readJsonObject(req) : null;
  return json(await createTerm(actor, body), { status: 201 });
});
