import "server-only";
import { Prisma } from "@/generated/sqlite/client";
import type { Actor } from "@/lib/permissions";
import { db } from "@/server/db/client";
import { queryRows } from "@/server/db/direct";

/**
 * The header's two numbers in one small statement: unread notifications, and the terms open for
 * consultation the member has not graded (0 for a member without a delegation, who cannot grade).
 */
export async function headerCounts(actor: Actor): Promise<{ unread: number; needsGrade: number }> {
  const rows = await queryRows<{ unread: number | bigint; needs: number | bigint }>(Prisma.sql`
    SELECT
      (SELECT COUNT(*) FROM "Notification" n WHERE n."userId" = ${actor.id} AND n."readAt" IS NULL) AS "unread",
      (SELECT COUNT(*) FROM "Term" t WHERE t."stage" = 'consultation'
         AND NOT EXISTS (SELECT 1 FROM "Ballot" b WHERE b."termId" = t."id" AND b."userId" = ${actor.id})) AS "needs"`);
  const row = rows[0];
  return { unread: Number(row?.unread ?? 0), needsGrade: actor.delegationId ? Number(row?.needs ?? 0) : 0 };
}

/** The slugs of the terms open for consultation the member has not graded (the lexicon's filter). */
export async function termsNeedingGrade(actor: Actor): Promise<Set<string>> {
  if (!actor.delegationId) return new Set();
  const rows = await db().term.findMany({ where: { stage: "consultation", ballots: { none: { userId: actor.id } } }, select: { slug: true } });
  return new Set(rows.map((r) => r.slug));
}
