import { apiRoute, json } from "@/server/http/api-route";
import { listTerms } from "@/server/terms";
import { readerGate } from "@/server/access";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (req) => {
  await readerGate(req);
  return json({ terms: await listTerms() });
});
