"use client";

import { useSyncExternalStore } from "react";
import type { TermViewer } from "@/lib/schemas/term-viewer";

/**
 * The viewer's own parts of a term page (lib/schemas/term-viewer.ts), shared by every client
 * component of the page and the header. The cached page everyone gets loads them with one
 * private read; the plain page (rendered per request, for members without JavaScript) passes
 * them from the server through MemberProvider, so both draw the same components. Module state
 * lives only in the browser: on the server every read is the empty snapshot.
 */
export type ViewerState = { slug: string | null; status: "idle" | "loading" | "ready" | "failed"; viewer: TermViewer | null };

let state: ViewerState = { slug: null, status: "idle", viewer: null };
const listeners = new Set<() => void>();
let generation = 0;

function set(next: ViewerState) {
  state = next;
  for (const l of listeners) l();
}

/** Loads (or reloads) the viewer's parts of a term; the newest call wins. */
export async function loadViewer(slug: string): Promise<void> {
  const mine = ++generation;
  if (state.slug !== slug) set({ slug, status: "loading", viewer: null });
  try {
    const res = await fetch(`/api/terms/${encodeURIComponent(slug)}/viewer`, { cache: "no-store", credentials: "same-origin" });
    if (!res.ok) throw new Error(`viewer ${res.status}`);
    const viewer = (await res.json()) as TermViewer;
    if (mine === generation) set({ slug, status: "ready", viewer });
  } catch {
    if (mine === generation) set({ ...state, slug, status: state.viewer ? "ready" : "failed" });
  }
}

function subscribe(l: () => void) {
  listeners.add(l);
  return () => listeners.delete(l);
}

const SERVER: ViewerState = { slug: null, status: "idle", viewer: null };

/** The current viewer state; on the server (and before hydration) nobody, unless seeded. */
export function useViewerState(): ViewerState {
  return useSyncExternalStore(subscribe, () => state, () => SERVER);
}
