"use client";

import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { TERM_EVENT_TYPES } from "@/lib/live";

type Labels = { live: string; reconnecting: string; updated: string };

/**
 * Keeps an open term page current: each event from the term's stream re-renders the page's
 * server components (debounced), so every section shows fresh data from one source of truth.
 * EventSource reconnects by itself and resumes with Last-Event-ID.
 */
export function LiveTerm({ slug, labels }: { slug: string; labels: Labels }) {
  const router = useRouter();
  const [state, setState] = useState<"connecting" | "live" | "down">("connecting");
  const [announcement, setAnnouncement] = useState("");
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    const source = new EventSource(`/api/terms/${encodeURIComponent(slug)}/events`);
    const refresh = () => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        router.refresh();
        setAnnouncement(`${labels.updated} ${new Date().toLocaleTimeString()}`);
      }, 250);
    };
    source.addEventListener("ready", () => setState("live"));
    for (const type of TERM_EVENT_TYPES) source.addEventListener(type, refresh);
    source.onerror = () => setState("down");
    source.onopen = () => setState("live");
    return () => {
      source.close();
      if (timer.current) clearTimeout(timer.current);
    };
  }, [slug, router, labels.updated]);

  return (
    <p className="live-status muted" data-live-state={state}>
      <span aria-hidden="true">{state === "live" ? "●" : "○"}</span> {state === "down" ? labels.reconnecting : labels.live}
      <span className="visually-hidden" aria-live="polite">
        {announcement}
      </span>
    </p>
  );
}
