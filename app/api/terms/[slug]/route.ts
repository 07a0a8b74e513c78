import { apiRoute, json } from "@/server/http/api-route";
import { getTerm } from "@/server/terms";
import { readerGate } from "@/server/access";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ slug: string }>(async (req, { params }) => {
  await readerGate(req);
  const { id: _id, ...term } = await getTerm((await params).slug);
  void _id;
  return json(term);
});
