"use client";

import { useCallback, useEffect, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { TERM_EVENT_TYPES } from "@/lib/live";
import { useReloadViewer } from "@/components/member/member-provider";
import { fetchResults, publishResults } from "./results-feed";

type Labels = { live: string; reconnecting: string; updated: string };

/** At most one refresh (or results fetch) per this many ms, however busy the term. */
export const REFRESH_INTERVAL_MS = 1000;
/**
 * And at most one per this many times what the last one took: when the server is busy and
 * answers slow down, every open page backs off by itself.
 */
const SLOWDOWN = 5;
/** A refresh that still shows an older state than the events seen is retried, this many times in a row. */
const MAX_BEHIND_RETRIES = 30;

/** Runs `work` at most once per interval, the interval growing with what the last run took. */
function usePaced(work: () => Promise<void>) {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const last = useRef(0);
  const interval = useRef(REFRESH_INTERVAL_MS);
  const request = useCallback(() => {
    if (timer.current) return;
    const wait = Math.max(250, last.current + interval.current - Date.now());
    timer.current = setTimeout(async () => {
      const started = (last.current = Date.now());
      try {
        await work();
      } finally {
        interval.current = Math.max(REFRESH_INTERVAL_MS, SLOWDOWN * (Date.now() - started));
        timer.current = null;
      }
    }, wait);
  }, [work]);
  const cancel = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  }, []);
  return { request, cancel };
}

/**
 * Keeps an open term page current, at a cost that does not grow with who is reading: the page
 * is the same cached copy for everyone (decision 015).
 *
 * - A ballot's event carries the new tally version; the page fetches the term's results JSON
 *   (the same bytes for every reader of a version, server/results/service.ts) and the results
 *   section draws them. Nothing else on the page changes with a ballot.
 * - Any other event (a proposal, a comment, a stage…) refreshes the page's server components
 *   (router.refresh: the shared cached copy) and reloads the viewer's own parts.
 * Both are paced: at most one per REFRESH_INTERVAL_MS, or SLOWDOWN times the last one's
 * duration if longer. The page says which event it was rendered at (`cursor`); the stream
 * starts there, so nothing in between is missed, and a refresh that comes back older than the
 * events seen (a cached copy being regenerated) is retried. EventSource reconnects by itself
 * and resumes with Last-Event-ID.
 */
export function LiveTerm({ slug, cursor, labels, quiet = false }: { slug: string; cursor: number; labels: Labels; quiet?: boolean }) {
  const router = useRouter();
  const reloadViewer = useReloadViewer();
  const [state, setState] = useState<"connecting" | "live" | "down">("connecting");
  const [announcement, setAnnouncement] = useState("");
  const [refreshing, startRefresh] = useTransition();
  const since = useRef(cursor);
  /** The newest non-ballot event seen, and the one the shown page was rendered at. */
  const seen = useRef(cursor);
  const shown = useRef(cursor);
  const behindRetries = useRef(0);
  /** The newest tally version a ballot's event announced, and the newest fetched. */
  const announced = useRef(0);
  const fetched = useRef(0);

  const refresh = usePaced(
    useCallback(async () => {
      startRefresh(() => router.refresh());
      setAnnouncement(`${labels.updated} ${new Date().toLocaleTimeString()}`);
    }, [router, labels.updated]),
  );
  const results = usePaced(
    useCallback(async () => {
      try {
        const r = await fetchResults(slug);
        fetched.current = Math.max(fetched.current, r.version);
        publishResults(slug, r);
        setAnnouncement(`${labels.updated} ${new Date().toLocaleTimeString()}`);
      } catch {
        // The next event, or the reconnection, asks again.
      }
    }, [slug, labels.updated]),
  );
  const { request: requestRefresh, cancel: cancelRefresh } = refresh;
  const { request: requestResults, cancel: cancelResults } = results;

  // A refresh came back: if it still shows an older state than the stream reported, ask again.
  useEffect(() => {
    if (refreshing) return;
    shown.current = cursor;
    if (cursor >= seen.current) behindRetries.current = 0;
    else if (behindRetries.current++ < MAX_BEHIND_RETRIES) requestRefresh();
  }, [refreshing, cursor, requestRefresh]);

  // A results fetch may come back older than the newest ballot announced meanwhile.
  useEffect(() => {
    const id = setInterval(() => {
      if (announced.current > fetched.current) requestResults();
    }, REFRESH_INTERVAL_MS);
    return () => clearInterval(id);
  }, [requestResults]);

  useEffect(() => {
    const source = new EventSource(`/api/terms/${encodeURIComponent(slug)}/events?since=${since.current}`);
    const onEvent = (e: MessageEvent) => {
      const id = Number(e.lastEventId);
      if (Number.isSafeInteger(id) && id > since.current) since.current = id;
      if (e.type === "ballot") {
        const version = Number((JSON.parse(e.data || "{}") as { tallyVersion?: unknown }).tallyVersion);
        announced.current = Math.max(announced.current, Number.isSafeInteger(version) ? version : announced.current + 1);
        if (announced.current > fetched.current) requestResults();
        return;
      }
      if (Number.isSafeInteger(id) && id > seen.current) seen.current = id;
      if (seen.current > shown.current) requestRefresh();
      // A resync (events were pruned or too many were missed): the results may have moved too.
      if (e.type === "resync") requestResults();
      // The viewer's own parts change with proposals, comments, moderation and stages, never
      // with other scholars' ballots: those, the frequent events, cost no private read.
      reloadViewer();
    };
    source.addEventListener("ready", () => setState("live"));
    for (const type of TERM_EVENT_TYPES) source.addEventListener(type, onEvent);
    source.onerror = () => setState("down");
    source.onopen = () => setState("live");
    return () => {
      source.close();
      cancelRefresh();
      cancelResults();
    };
  }, [slug, requestRefresh, requestResults, reloadViewer, cancelRefresh, cancelResults]);

  // `quiet`: the stream still runs (a reopening reaches the page), but says nothing about it.
  if (quiet)
    return (
      <span className="visually-hidden" aria-live="polite">
        {announcement}
      </span>
    );
  return (
    <p className="live-status muted" data-live-state={state}>
      <span aria-hidden="true">{state === "live" ? "●" : "○"}</span> {state === "down" ? labels.reconnecting : labels.live}
      <span className="visually-hidden" aria-live="polite">
        {announcement}
      </span>
    </p>
  );
}
