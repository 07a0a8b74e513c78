import { apiRoute } from "@/server/http/api-route";
import { termEventStream } from "@/server/live/stream";
import { readerGate } from "@/server/membership/access";

export const dynamic = "force-dynamic";

/** Server-Sent Events of one term; resumes from Last-Event-ID (or ?since=). */
export const GET = apiRoute<{ slug: string }>(async (req, { params }) => {
  await readerGate(req);
  return termEventStream(req, (await params).slug);
});
