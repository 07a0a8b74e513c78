import "server-only";
import type { MergeResult } from "@/lib/schemas/moderation";
import { db } from "@/server/db/client";
import type { Prisma } from "@/generated/sqlite/client";
import { conflict, invalid, notFound } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import { MERGES_OPEN } from "@/lib/term-stages";
import { mergeInputSchema } from "@/lib/schemas/moderation";
import { ballotContent, mergeBallot, unmergeBallot, type BallotMergeUndo } from "@/lib/merge/ballot-grades";
import { requireRole } from "@/server/auth/guard";
import { recordAudit, type Tx } from "@/server/site/audit";
import { notify } from "@/server/site/notifications";
import { closeExpiredConsultation, requireStage, stageClosed } from "@/server/terms/deadline";
import { changeTerm } from "@/server/terms/change";

/**
 * Merging a duplicate rendering into another (facilitators), and undoing it (admins).
 * One transaction each: ballots rewritten by lib/merge/ballot-grades.ts with a "merge" event
 * appended per changed ballot, comments moved with a note of where they were written, the
 * duplicate marked merged, the tally version bumped, and a RenderingMerge row holding exactly
 * what the undo needs.
 */

/** Stored in RenderingMerge.undo. */
type MergeUndo = { ballots: BallotMergeUndo[]; comments: { id: string; movedFromId: string | null }[] };

export type { MergeResult };

export async function mergeRendering(actor: Actor | null, fromId: string, raw: unknown): Promise<MergeResult> {
  const me = requireRole(actor, "facilitator");
  const { into: intoId } = mergeInputSchema.parse(raw);
  if (intoId === fromId) throw invalid("A rendering cannot be merged into itself.", { into: ["merge_into_self"] });
  const [from, into] = await Promise.all([
    db().rendering.findUnique({ where: { id: fromId }, include: { term: { select: { headword: true } } } }),
    db().rendering.findUnique({ where: { id: intoId } }),
  ]);
  if (!from) throw notFound("Rendering");
  if (!into || into.termId !== from.termId) throw invalid("Merge into a rendering of the same term.", { into: ["merge_other_term"] });
  await openForMerge(from.termId);

  const merged = await changeTerm(from.termId, { renderings: true }, async (tx, emit) => {
    // changeTerm took the term's row lock first (as ballot writes do), so no ballot changes
    // under the rewrite below, and a ballot checked before it is checked again.
    await requireActive(tx, [fromId, intoId]);
    await tx.rendering.update({ where: { id: fromId }, data: { status: "merged", mergedIntoId: intoId } });

    const undo: MergeUndo = { ballots: [], comments: [] };
    const ballots = await tx.ballot.findMany({ where: { termId: from.termId } });
    for (const b of ballots) {
      const merged = mergeBallot(b.id, ballotContent(b.grades, b.reasons), fromId, intoId);
      if (!merged) continue;
      await rewriteBallot(tx, b.id, merged.content, "merge");
      undo.ballots.push(merged.undo);
    }

    const comments = await tx.comment.findMany({ where: { renderingId: fromId }, select: { id: true, movedFromId: true } });
    undo.comments = comments;
    // movedFromId names the rendering a comment was written on, even after several merges.
    await tx.comment.updateMany({ where: { renderingId: fromId, movedFromId: null }, data: { movedFromId: fromId } });
    await tx.comment.updateMany({ where: { renderingId: fromId }, data: { renderingId: intoId } });

    const merge = await tx.renderingMerge.create({
      data: { termId: from.termId, fromRenderingId: fromId, intoRenderingId: intoId, mergedById: me.id, undo: undo as unknown as Prisma.InputJsonValue },
    });
    if (from.proposerId && from.proposerId !== me.id) {
      await notify(tx, from.proposerId, "rendering_merged", { text: from.text, term: from.term.headword, into: into.text });
    }
    const result = { mergeId: merge.id, from: fromId, into: intoId, ballotsChanged: undo.ballots.length, commentsMoved: comments.length };
    await recordAudit(tx, me.id, "rendering.merge", "rendering", fromId, { status: "active", mergedIntoId: null }, { status: "merged", ...result });
    emit("rendering", { action: "merged", id: fromId, into: intoId });
    return result;
  });
  return merged;
}

export async function undoMerge(actor: Actor | null, mergeId: string): Promise<MergeResult> {
  const me = requireRole(actor, "admin");
  const merge = await db().renderingMerge.findUnique({ where: { id: mergeId } });
  if (!merge) throw notFound("Merge");
  if (merge.undoneAt) throw conflict("This merge has been undone already.");
  const { fromRenderingId: fromId, intoRenderingId: intoId } = merge;
  await openForMerge(merge.termId);
  const undo = merge.undo as unknown as MergeUndo;

  const undone = await changeTerm(merge.termId, { renderings: true }, async (tx, emit) => {
    const marked = await tx.renderingMerge.updateMany({ where: { id: mergeId, undoneAt: null }, data: { undoneAt: new Date() } });
    if (marked.count === 0) throw conflict("This merge has been undone already.");
    await requireActive(tx, [intoId], "The rendering it was merged into is no longer active: undo the later change first.");
    const restored = await tx.rendering.updateMany({
      where: { id: fromId, status: "merged", mergedIntoId: intoId },
      data: { status: "active", mergedIntoId: null },
    });
    if (restored.count === 0) throw conflict("The merged rendering has changed since; this merge cannot be undone.");

    for (const entry of undo.ballots) {
      const b = await tx.ballot.findUnique({ where: { id: entry.ballotId } });
      if (!b) continue;
      await rewriteBallot(tx, b.id, unmergeBallot(ballotContent(b.grades, b.reasons), entry, fromId, intoId), "unmerge");
    }
    // Comments written on the survivor after the merge stay there.
    for (const c of undo.comments) {
      await tx.comment.updateMany({ where: { id: c.id, renderingId: intoId }, data: { renderingId: fromId, movedFromId: c.movedFromId } });
    }
    const result = { mergeId, from: fromId, into: intoId, ballotsChanged: undo.ballots.length, commentsMoved: undo.comments.length };
    await recordAudit(tx, me.id, "merge.undo", "merge", mergeId, { status: "merged", mergedIntoId: intoId }, { status: "active", ...result });
    emit("rendering", { action: "unmerged", id: fromId });
    return result;
  });
  return undone;
}

/** Merges recorded for a term, newest first, for facilitators and admins. */
export async function listMerges(actor: Actor | null, termId: string) {
  requireRole(actor, "facilitator");
  const rows = await db().renderingMerge.findMany({
    where: { termId },
    orderBy: { createdAt: "desc" },
    include: { mergedBy: { select: { name: true } } },
  });
  const texts = new Map(
    (await db().rendering.findMany({ where: { termId }, select: { id: true, text: true } })).map((r) => [r.id, r.text]),
  );
  return rows.map((m) => ({
    id: m.id,
    from: { id: m.fromRenderingId, text: texts.get(m.fromRenderingId) ?? "" },
    into: { id: m.intoRenderingId, text: texts.get(m.intoRenderingId) ?? "" },
    mergedBy: m.mergedBy.name,
    createdAt: m.createdAt.toISOString(),
    undoneAt: m.undoneAt?.toISOString() ?? null,
  }));
}

async function openForMerge(termId: string): Promise<void> {
  await closeExpiredConsultation({ id: termId });
  const { stage } = await db().term.findUniqueOrThrow({ where: { id: termId }, select: { stage: true } });
  if (stage === "published") throw stageClosed("This term is published: reopen it before changing its renderings.");
  requireStage(stage, MERGES_OPEN, "Merging is closed in this stage.");
}

async function requireActive(tx: Tx, ids: string[], message = "Only active renderings can be merged."): Promise<void> {
  const n = await tx.rendering.count({ where: { id: { in: ids }, status: "active" } });
  if (n !== ids.length) throw conflict(message);
}

/** Replaces a ballot's grades and appends the event, as a vote does, with its cause. */
async function rewriteBallot(tx: Tx, ballotId: string, content: { grades: object; reasons: object }, cause: "merge" | "unmerge"): Promise<void> {
  const grades = content.grades as Prisma.InputJsonValue;
  const reasons = content.reasons as Prisma.InputJsonValue;
  const b = await tx.ballot.update({
    where: { id: ballotId },
    data: { grades, reasons, revision: { increment: 1 } },
    select: { termId: true, userId: true, revision: true, note: true },
  });
  await tx.ballotEvent.create({ data: { ballotId, termId: b.termId, userId: b.userId, revision: b.revision, grades, reasons, note: b.note, cause } });
}
