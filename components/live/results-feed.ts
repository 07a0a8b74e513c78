"use client";

import type { Results } from "@/lib/tally";

/**
 * Results fetched by the live stream (live-term.tsx) for the results section to draw, per term:
 * the shared results JSON of a tally version, the same bytes for every reader, instead of
 * rendering the page again for each ballot (issue 12, item 4).
 */
export type VersionedResults = { version: number; results: Results };

const listeners = new Map<string, Set<(r: VersionedResults) => void>>();

export function publishResults(slug: string, r: VersionedResults) {
  for (const l of listeners.get(slug) ?? []) l(r);
}

export function subscribeResults(slug: string, l: (r: VersionedResults) => void): () => void {
  const set = listeners.get(slug) ?? new Set();
  listeners.set(slug, set);
  set.add(l);
  return () => {
    set.delete(l);
    if (set.size === 0) listeners.delete(slug);
  };
}

/** The term's current results and the version they are at least as new as. */
export async function fetchResults(slug: string): Promise<VersionedResults> {
  const res = await fetch(`/api/terms/${encodeURIComponent(slug)}/results`, { cache: "no-store" });
  if (!res.ok) throw new Error(`results ${res.status}`);
  const version = Number(res.headers.get("x-tally-version"));
  return { version: Number.isSafeInteger(version) ? version : 0, results: (await res.json()) as Results };
}
