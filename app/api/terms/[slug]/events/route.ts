import { apiRoute } from "@/server/http/api-route";
import { termEventStream } from "@/server/live/stream";

export const dynamic = "force-dynamic";

/** Server-Sent Events of one term; resumes from Last-Event-ID (or ?since=). */
export const GET = apiRoute<{ slug: string }>(async (req, { params }) => termEventStream(req, (await params).slug));
