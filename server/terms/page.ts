import "server-only";
import { cache } from "react";
import { db } from "@/server/db/client";
import { getDiscussion } from "@/server/deliberation/comments";
import { listDecisions } from "@/server/decisions/service";
import { getTerm } from "@/server/terms/read";
import { isAppError } from "@/lib/errors";

/*
 * What the term page's sections share, loaded once per rendering however many sections ask
 * (React's request cache). Nothing here depends on who is looking: the page is the same for
 * everyone and cached (app/(reader)); the viewer's own parts come from server/terms/viewer.ts.
 */

type TermPageData = { term: Awaited<ReturnType<typeof getTerm>>; cursor: number };

/**
 * The term and the newest of its events, read in that order reversed: the cursor first, so the
 * data is at least as new as the cursor, and the live stream (which starts at the cursor) can
 * only replay an event already shown, never skip one. The cursor is at least the id the event
 * log was pruned through (those events committed long ago), so a page of a term idle for longer
 * than the retention period does not start its stream with a resync. Unknown slug: the
 * not-found page.
 */
export const loadTermPage = cache(async (slug: string): Promise<TermPageData> => {
  const rows = await db().$queryRaw<{ id: number | bigint | null; pruned: number | bigint | null }[]>`
    SELECT MAX(e."id") AS "id", (SELECT p."throughId" FROM "TermEventPruning" p WHERE p."id" = 1) AS "pruned"
    FROM "TermEvent" e JOIN "Term" t ON t."id" = e."termId" WHERE t."slug" = ${slug}`;
  const cursor = Math.max(Number(rows[0]?.id ?? 0), Number(rows[0]?.pruned ?? 0));
  try {
    return { term: await getTerm(slug), cursor };
  } catch (e) {
    if (isAppError(e) && e.code === "not_found") (await import("next/navigation")).notFound();
    throw e;
  }
});

/** The page title; none for an unknown slug, whose page itself answers not-found (loadTermPage). */
export async function termTitle(slug: string): Promise<string | undefined> {
  const term = await db().term.findUnique({ where: { slug }, select: { headword: true, abbreviation: true } });
  if (!term) return undefined;
  return term.abbreviation ? `${term.headword} (${term.abbreviation})` : term.headword;
}
export const discussionOf = cache((termId: string) => getDiscussion(null, termId));
export const decisionsOf = cache((termId: string) => listDecisions(termId));
