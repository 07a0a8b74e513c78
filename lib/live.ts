/**
 * Live updates of a term page (Server-Sent Events). One event type per kind of change; the
 * payload says what changed, and clients refresh what they show from the server.
 */
export const TERM_EVENT_TYPES = ["ballot", "rendering", "comment", "stage", "decision", "term", "resync"] as const;
export type TermEventType = (typeof TERM_EVENT_TYPES)[number];

/** A client more than this many events behind is told to resync instead of being replayed. */
export const MAX_REPLAY = 200;
/** How often a connection checks the database when nothing woke it (SQLite; a safety net on PostgreSQL). */
export const POLL_MS = 1000;
/** Comment line sent to keep proxies from closing an idle stream. */
export const HEARTBEAT_MS = 15_000;

/** One SSE frame. Data is JSON on a single line, so no payload can inject frames. */
export function sseFrame(e: { id?: number; event?: string; data?: unknown; retry?: number }): string {
  let out = "";
  if (e.retry !== undefined) out += `retry: ${e.retry}\n`;
  if (e.id !== undefined) out += `id: ${e.id}\n`;
  if (e.event) out += `event: ${e.event.replace(/[\r\n]/g, "")}\n`;
  out += `data: ${JSON.stringify(e.data ?? {})}\n\n`;
  return out;
}

export function parseLastEventId(value: string | null | undefined): number | null {
  if (!value || !/^\d{1,15}$/.test(value)) return null;
  return Number(value);
}

export type SseFrame = { id?: number; event?: string; data?: unknown };

/** Splits complete frames off a buffer of SSE text: the frames, and the unfinished rest. */
export function takeSseFrames(buffer: string): { frames: SseFrame[]; rest: string } {
  const frames: SseFrame[] = [];
  let i;
  while ((i = buffer.indexOf("\n\n")) >= 0) {
    const raw = buffer.slice(0, i);
    buffer = buffer.slice(i + 2);
    const f: SseFrame = {};
    for (const line of raw.split("\n")) {
      if (line.startsWith("id: ")) f.id = Number(line.slice(4));
      else if (line.startsWith("event: ")) f.event = line.slice(7);
      else if (line.startsWith("data: ")) f.data = JSON.parse(line.slice(6));
    }
    // Comment lines (": keep-alive") carry no event.
    if (f.event) frames.push(f);
  }
  return { frames, rest: buffer };
}
