import { apiRoute, json } from "@/server/http/api-route";
import { exportBallots } from "@/server/ballot-export";

export const dynamic = "force-dynamic";

/** The anonymized ballot export, the input of `npm run tally`. */
export const GET = apiRoute<{ slug: string }>(async (_req, { params }) => {
  return json(await exportBallots((await params).slug), { headers: { "Cache-Control": "no-cache" } });
});
