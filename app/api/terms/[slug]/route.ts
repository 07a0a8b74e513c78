import { apiRoute, json } from "@/server/http/api-route";
import { getTerm } from "@/server/terms";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ slug: string }>(async (_req, { params }) => {
  const { id: _id, ...term } = await getTerm((await params).slug);
  void _id;
  return json(term);
});
