import { apiRoute, json } from "@/server/http/api-route";
import { exportBallots } from "@/server/ballots/export";
import { readerGate } from "@/server/membership/access";

export const dynamic = "force-dynamic";

/** The anonymized ballot export, the input of `npm run tally`. */
export const GET = apiRoute<{ slug: string }>(async (req, { params }) => {
  await readerGate(req);
  return json(await exportBallots((await params).slug), { headers: { "Cache-Control": "no-cache" } });
});
