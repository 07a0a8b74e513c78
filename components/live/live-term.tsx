"use client";

import { useCallback, useEffect, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { TERM_EVENT_TYPES } from "@/lib/live";

type Labels = { live: string; reconnecting: string; updated: string };

/** At most one refresh per this many ms, however busy the term: a refresh renders the whole page. */
export const REFRESH_INTERVAL_MS = 1000;
/**
 * And at most one per this many times what the last refresh took: a signed-in member's page is
 * rendered for them (~80 ms of server time with 10,000 ballots, docs/benchmarks.md), so when the
 * server is busy and refreshes slow down, every open page backs off by itself.
 */
const SLOWDOWN = 5;
/** A refresh that still shows an older state than the events seen is retried, this many times in a row. */
const MAX_BEHIND_RETRIES = 30;

/**
 * Keeps an open term page current. The page says which event it was rendered at (`cursor`, the
 * newest of the term's events then); the stream starts there, so nothing that happened between
 * the rendering and the connection is missed, and a page served from a cached copy that is
 * older than the term's last event brings itself up to date at once. Each event re-renders the
 * page's server components (router.refresh), at most once per REFRESH_INTERVAL_MS, or SLOWDOWN
 * times the last refresh's duration if longer (first and last event of a burst both count). When a refresh comes back older than the events seen (a
 * cached copy being regenerated), it is retried. EventSource reconnects by itself and resumes
 * with Last-Event-ID.
 */
export function LiveTerm({ slug, cursor, labels }: { slug: string; cursor: number; labels: Labels }) {
  const router = useRouter();
  const [state, setState] = useState<"connecting" | "live" | "down">("connecting");
  const [announcement, setAnnouncement] = useState("");
  const [refreshing, startRefresh] = useTransition();
  const seen = useRef(cursor);
  const shown = useRef(cursor);
  const behindRetries = useRef(0);
  const lastRefresh = useRef(0);
  const refreshStarted = useRef(0);
  const interval = useRef(REFRESH_INTERVAL_MS);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const since = useRef(cursor);

  const requestRefresh = useCallback(() => {
    if (timer.current) return;
    const wait = Math.max(250, lastRefresh.current + interval.current - Date.now());
    timer.current = setTimeout(() => {
      timer.current = null;
      lastRefresh.current = refreshStarted.current = Date.now();
      startRefresh(() => router.refresh());
      setAnnouncement(`${labels.updated} ${new Date().toLocaleTimeString()}`);
    }, wait);
  }, [router, labels.updated]);

  // A refresh came back: if it still shows an older state than the stream reported, ask again.
  useEffect(() => {
    if (refreshing) return;
    if (refreshStarted.current) {
      interval.current = Math.max(REFRESH_INTERVAL_MS, SLOWDOWN * (Date.now() - refreshStarted.current));
      refreshStarted.current = 0;
    }
    shown.current = cursor;
    if (cursor >= seen.current) behindRetries.current = 0;
    else if (behindRetries.current++ < MAX_BEHIND_RETRIES) requestRefresh();
  }, [refreshing, cursor, requestRefresh]);

  useEffect(() => {
    const source = new EventSource(`/api/terms/${encodeURIComponent(slug)}/events?since=${since.current}`);
    const onEvent = (e: MessageEvent) => {
      const id = Number(e.lastEventId);
      if (Number.isSafeInteger(id) && id > seen.current) seen.current = id;
      if (seen.current > shown.current) requestRefresh();
    };
    source.addEventListener("ready", () => setState("live"));
    for (const type of TERM_EVENT_TYPES) source.addEventListener(type, onEvent);
    source.onerror = () => setState("down");
    source.onopen = () => setState("live");
    return () => {
      source.close();
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
    };
  }, [slug, requestRefresh]);

  return (
    <p className="live-status muted" data-live-state={state}>
      <span aria-hidden="true">{state === "live" ? "●" : "○"}</span> {state === "down" ? labels.reconnecting : labels.live}
      <span className="visually-hidden" aria-live="polite">
        {announcement}
      </span>
    </p>
  );
}
