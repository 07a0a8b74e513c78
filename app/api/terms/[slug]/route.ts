import { apiRoute, json } from "@/server/http/api-route";
import { getTerm } from "@/server/terms/read";
import { readJsonObject } from "@/server/http/read-json";
import { actorForWrite } from "@/server/auth/request";
import { editTerm } from "@/server/terms/admin";
import { readerGate } from "@/server/membership/access";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ slug: string }>(async (req, { params }) => {
  await readerGate(req);
  const { id: _id, ...term } = await getTerm((await params).slug);
  void _id;
  return json(term);
});

/** Facilitators edit a term's fields (any subset; the slug stays). */
export const PATCH = apiRoute<{ slug: string }>(async (req, { params }) => {
  const actor = await actorForWrite(req);
  const body = actor ? await readJsonObject(req) : null;
  return json(await editTerm(actor, (await params).slug, body));
});
