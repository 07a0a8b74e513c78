import "server-only";
import { canAdminister, canFacilitate, type Actor } from "@/lib/permissions";
import { notFound } from "@/lib/errors";
import type { TermViewer } from "@/lib/schemas/term-viewer";
import { db } from "@/server/db/client";
import { ballotView } from "@/server/ballots/service";
import { Prisma } from "@/generated/sqlite/client";
import { queryRows } from "@/server/db/direct";
import { onPostgres, storedDate } from "@/server/db/sql";
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
  // Every signed-in view of a term page makes this read: one prepared statement on the direct
  // driver for the term and the viewer's rows on it (indexed look-ups), one for the header's
  // counts — on PostgreSQL two round trips, not a model query per part.
  const ids = (column: string) => Prisma.raw(onPostgres() ? `string_agg(${column}, ',')` : `group_concat(${column}, ',')`);
  const [row] = await queryRows<{
    termId: string; grades: unknown; reasons: unknown; note: string | null; revision: number | bigint | null; updatedAt: unknown;
    renderings: string | null; comments: string | null;
  }>(
    Prisma.sql`
      SELECT t."id" AS "termId", b."grades" AS "grades", b."reasons" AS "reasons", b."note" AS "note", b."revision" AS "revision", b."updatedAt" AS "updatedAt",
        (SELECT ${ids(`r."id"`)} FROM "Rendering" r WHERE r."termId" = t."id" AND r."proposerId" = ${actor.id} AND r."status" = 'active') AS "renderings",
        (SELECT ${ids(`c."id"`)} FROM "Comment" c WHERE c."termId" = t."id" AND c."authorId" = ${actor.id} AND c."deletedAt" IS NULL) AS "comments"
      FROM "Term" t LEFT JOIN "Ballot" b ON b."termId" = t."id" AND b."userId" = ${actor.id}
      WHERE t."slug" = ${slug}`,
    { prepared: true },
  );
  if (!row) throw notFound("Term");
  const [{ unread, needsGrade }, facilitation] = await Promise.all([headerCounts(actor), facilitationOf(actor, row.termId)]);
  const term = { id: row.termId };
  const ballot =
    row.revision === null ? null : { grades: row.grades, reasons: row.reasons, note: row.note ?? "", revision: Number(row.revision), updatedAt: storedDate(row.updatedAt) };
  const list = (joined: string | null) => (joined ? joined.split(",") : []);
  return {
    actor: { id: actor.id, name: actor.name, role: actor.role, delegationId: actor.delegationId, delegation: actor.delegation, locale: actor.locale },
    unread,
    needsGrade,
    ballot: ballotView(slug, term.id, actor.id, ballot),
    own: { renderings: list(row.renderings), comments: list(row.comments) },
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
