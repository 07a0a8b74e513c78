import "server-only";
import { cache } from "react";
import { db } from "@/server/db/client";
import { currentActor } from "@/server/auth/request";
import { getDiscussion } from "@/server/comments";
import { listDecisions } from "@/server/decisions";

/**
 * What the term page's proposal, discussion and facilitation components share, loaded once per
 * request however many components ask (React's request cache).
 */
export const viewer = cache(() => currentActor());
export const discussionOf = cache(async (termId: string) => getDiscussion(await viewer(), termId));
export const decisionsOf = cache((termId: string) => listDecisions(termId));

/** Ids of the term's renderings the viewer proposed (to show them their own controls). */
export const ownRenderingIdsOf = cache(async (termId: string): Promise<Set<string>> => {
  const me = await viewer();
  if (!me) return new Set();
  const rows = await db().rendering.findMany({ where: { termId, proposerId: me.id, status: "active" }, select: { id: true } });
  return new Set(rows.map((r) => r.id));
});
