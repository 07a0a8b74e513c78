import "server-only";
import { canAdminister, canFacilitate, type Actor } from "@/lib/permissions";
import { notFound } from "@/lib/errors";
import type { TermViewer } from "@/lib/schemas/term-viewer";
import { db } from "@/server/db/client";
import { ballotView } from "@/server/ballots/service";
import { Prisma } from "@/generated/sqlite/client";
import { queryRows } from "@/server/db/direct";
import { storedDate } from "@/server/db/sql";
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
  // Every signed-in view of a term page makes this read: prepared statements on the direct
  // driver (indexed look-ups of the viewer's rows), not model queries, whose cost was most of it.
  const [term] = await queryRows<{ id: string }>(Prisma.sql`SELECT "id" FROM "Term" WHERE "slug" = ${slug}`, { prepared: true });
  if (!term) throw notFound("Term");
  const [{ unread, needsGrade }, [ballot], renderings, comments, facilitation] = await Promise.all([
    headerCounts(actor),
    queryRows<{ grades: unknown; reasons: unknown; note: string; revision: number | bigint; updatedAt: unknown }>(
      Prisma.sql`SELECT "grades", "reasons", "note", "revision", "updatedAt" FROM "Ballot" WHERE "termId" = ${term.id} AND "userId" = ${actor.id}`,
      { prepared: true },
    ),
    queryRows<{ id: string }>(
      Prisma.sql`SELECT "id" FROM "Rendering" WHERE "termId" = ${term.id} AND "proposerId" = ${actor.id} AND "status" = 'active'`,
      { prepared: true },
    ),
    queryRows<{ id: string }>(
      Prisma.sql`SELECT "id" FROM "Comment" WHERE "termId" = ${term.id} AND "authorId" = ${actor.id} AND "deletedAt" IS NULL`,
      { prepared: true },
    ),
    facilitationOf(actor, term.id),
  ]);
  return {
    actor: { id: actor.id, name: actor.name, role: actor.role, delegationId: actor.delegationId, delegation: actor.delegation, locale: actor.locale },
    unread,
    needsGrade,
    ballot: ballotView(slug, term.id, actor.id, ballot ? { ...ballot, revision: Number(ballot.revision), updatedAt: storedDate(ballot.updatedAt) } : null),
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
