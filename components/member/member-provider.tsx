"use client";

import { createContext, useCallback, useContext, useEffect, useMemo } from "react";
import { HTML_LANG, type Messages } from "@/lib/i18n";
import { LOCALE_COOKIE } from "@/lib/reader-route";
import type { TermViewer } from "@/lib/schemas/term-viewer";
import { loadViewer, useViewerState } from "./viewer-store";

/** What the viewer's parts say: only the ballot's form texts of `ballot` (its method and results texts stay on the server). */
export type MemberMessages = Pick<Messages, "proposal" | "forms" | "discussion" | "facilitation" | "stage" | "records"> & { ballot: Pick<Messages["ballot"], "form"> };

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
  const loaded = useViewerState();
  useEffect(() => followProfileLanguage(loaded.viewer?.actor?.locale), [loaded.viewer]);
  const value = useMemo(() => ({ slug, initial, t }), [slug, initial, t]);
  return <MemberContext.Provider value={value}>{children}</MemberContext.Provider>;
}

/**
 * The shared page's language comes from the switcher's cookie or the browser's languages; a
 * member on a browser that has no switcher cookie yet gets their profile's language instead,
 * as on the pages rendered for them: the cookie is set and the page loaded again, once.
 */
function followProfileLanguage(locale: "en" | "zh" | undefined) {
  if (!locale || document.documentElement.lang === HTML_LANG[locale]) return;
  // Only where the language was chosen for the reader (/terms/{slug}), not an explicit /read/{locale}/….
  if (!window.location.pathname.startsWith("/terms/")) return;
  if (document.cookie.split(/;\s*/).some((c) => c.startsWith(`${LOCALE_COOKIE}=`))) return;
  document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=${60 * 60 * 24 * 365}; samesite=lax`;
  window.location.reload();
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
export function useTermViewer(): { ready: boolean; viewer: TermViewer | null; fromServer: boolean } {
  const { slug, initial } = useMemberContext();
  const loaded = useViewerState();
  const fromServer = initial !== undefined;
  if (loaded.slug === slug && loaded.status === "ready") return { ready: true, viewer: loaded.viewer, fromServer };
  if (initial !== undefined) return { ready: true, viewer: initial, fromServer };
  return { ready: loaded.slug === slug && loaded.status === "failed", viewer: null, fromServer };
}

/** Reloads the viewer's parts after a change that may touch them (not after ballots of others). */
export function useReloadViewer(): () => void {
  const { slug } = useMemberContext();
  return useCallback(() => void loadViewer(slug), [slug]);
}
