import { apiRoute, json } from "@/server/http/api-route";
import { listTerms } from "@/server/terms";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async () => json({ terms: await listTerms() }));
