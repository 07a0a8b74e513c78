import "server-only";
import { canAdminister, canFacilitate, type Actor } from "@/lib/permissions";
import { notFound } from "@/lib/errors";
import type { TermViewer } from "@/lib/schemas/term-viewer";
import { db } from "@/server/db/client";
import { getBallot } from "@/server/ballots/service";
import { listMerges } from "@/server/deliberation/merge";
import { listHiddenRenderings } from "@/server/deliberation/moderation";
import { headerCounts } from "@/server/notices/counts";

const NOBODY: TermViewer = { actor: null, unread: 0, needsGrade: 0, ballot: null, own: { renderings: [], comments: [] }, facilitation: null };

/**
 * The viewer's own parts of a term's page (lib/schemas/term-viewer.ts). Everything else on the
 * page is the shared cached copy; this read is small (indexed look-ups of the viewer's rows)
 * and never depends on the number of ballots. Signed out: nobody, without a database read.
 */
export async function termViewer(actor: Actor | null, slug: string): Promise<TermViewer> {
  if (!actor) return NOBODY;
  const term = await db().term.findUnique({ where: { slug }, select: { id: true } });
  if (!term) throw notFound("Term");
  const [{ unread, needsGrade }, ballot, renderings, comments, facilitation] = await Promise.all([
    headerCounts(actor),
    getBallot(actor, slug),
    db().rendering.findMany({ where: { termId: term.id, proposerId: actor.id, status: "active" }, select: { id: true } }),
    db().comment.findMany({ where: { termId: term.id, authorId: actor.id, deletedAt: null }, select: { id: true } }),
    facilitationOf(actor, term.id),
  ]);
  return {
    actor: { id: actor.id, name: actor.name, role: actor.role, delegationId: actor.delegationId, delegation: actor.delegation, locale: actor.locale },
    unread,
    needsGrade,
    ballot,
    own: { renderings: renderings.map((r) => r.id), comments: comments.map((c) => c.id) },
    facilitation,
  };
}

async function facilitationOf(actor: Actor, termId: string): Promise<TermViewer["facilitation"]> {
  if (!canFacilitate(actor)) return null;
  const admin = canAdminister(actor);
  const [merges, hiddenRenderings, hiddenComments] = await Promise.all([
    listMerges(actor, termId),
    admin ? listHiddenRenderings(actor, termId) : [],
    admin
      ? db().comment.findMany({
          where: { termId, hiddenAt: { not: null }, deletedAt: null },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          select: { id: true, renderingId: true, body: true, author: { select: { name: true } } },
        })
      : [],
  ]);
  return {
    merges: merges.map(({ id, from, into, mergedBy, undoneAt }) => ({ id, from, into, mergedBy, undoneAt })),
    hiddenRenderings: hiddenRenderings.map(({ id, text, gloss, proposer }) => ({ id, text, gloss, proposer: proposer ?? "" })),
    hiddenComments: hiddenComments.map((c) => ({ id: c.id, renderingId: c.renderingId, body: c.body, author: c.author.name })),
  };
}
