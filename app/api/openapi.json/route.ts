import { apiRoute, json } from "@/server/http/api-route";
import { openApiDocument } from "@/lib/openapi/document";

export const dynamic = "force-dynamic";

/** The OpenAPI 3.1 description of this API (lib/openapi/registry.ts). */
export const GET = apiRoute(async () => json(openApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } }));
