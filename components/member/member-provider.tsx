"use client";

import { createContext, useCallback, useContext, useEffect, useMemo } from "react";
import type { Messages } from "@/lib/i18n";
import type { TermViewer } from "@/lib/schemas/term-viewer";
import { loadViewer, useViewerState } from "./viewer-store";

export type MemberMessages = Pick<Messages, "ballot" | "proposal" | "forms" | "discussion" | "facilitation" | "stage">;

type Context = { slug: string; initial: TermViewer | undefined; t: MemberMessages };
const MemberContext = createContext<Context | null>(null);

/**
 * Around a term's page: the messages its member parts need (sent once, not per rendering), and
 * the viewer's own parts — given by the server on the plain page (`initial`), loaded with one
 * private read on the shared cached page.
 */
export function MemberProvider({ slug, initial, t, children }: { slug: string; initial?: TermViewer; t: MemberMessages; children: React.ReactNode }) {
  useEffect(() => {
    if (initial === undefined) void loadViewer(slug);
  }, [slug, initial]);
  const value = useMemo(() => ({ slug, initial, t }), [slug, initial, t]);
  return <MemberContext.Provider value={value}>{children}</MemberContext.Provider>;
}

function useMemberContext(): Context {
  const ctx = useContext(MemberContext);
  if (!ctx) throw new Error("MemberProvider is missing around this term page part");
  return ctx;
}

export function useMemberMessages(): MemberMessages {
  return useMemberContext().t;
}

/**
 * The viewer's parts: the newest loaded in this browser, else what the server gave, else
 * nothing yet (`ready: false`: draw the signed-out parts until they arrive).
 */
export function useTermViewer(): { ready: boolean; viewer: TermViewer | null } {
  const { slug, initial } = useMemberContext();
  const loaded = useViewerState();
  if (loaded.slug === slug && loaded.status === "ready") return { ready: true, viewer: loaded.viewer };
  if (initial !== undefined) return { ready: true, viewer: initial };
  return { ready: loaded.slug === slug && loaded.status === "failed", viewer: null };
}

/** Reloads the viewer's parts after a change that may touch them (not after ballots of others). */
export function useReloadViewer(): () => void {
  const { slug } = useMemberContext();
  return useCallback(() => void loadViewer(slug), [slug]);
}
