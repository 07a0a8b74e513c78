import "server-only";
import { db } from "@/server/db/client";
import { AppError } from "@/lib/errors";
import type { Stage } from "@/lib/schemas/term";
import { recordAudit, SYSTEM } from "@/server/site/audit";
import { changeTerm } from "@/server/terms/change";

/**
 * Consultation deadlines, checked on access (docs/decisions/013-term-lifecycle.md): every read
 * of a term and every mutation on it first calls closeExpiredConsultation, which moves a
 * consultation whose deadline has passed to provisional. No timer or job is needed, nothing is
 * lost across restarts, and several app instances agree, because the move is one conditional
 * update (`stage = consultation AND deadline < now`) that only one of them can win; the winner
 * writes the audit entry (actor: none).
 */

type TermKey = { id: string } | { slug: string };

export async function closeExpiredConsultation(key: TermKey, now = new Date()): Promise<boolean> {
  const term = await db().term.findUnique({ where: key, select: { id: true, stage: true, deadline: true } });
  if (!term || term.stage !== "consultation" || !term.deadline || term.deadline >= now) return false;
  return closeIfExpired(term.id, term.deadline, now);
}

/** The same for every term at once (the lexicon list). */
export async function closeExpiredConsultations(now = new Date()): Promise<number> {
  const expired = await db().term.findMany({
    where: { stage: "consultation", deadline: { lt: now } },
    select: { id: true, deadline: true },
  });
  let closed = 0;
  for (const t of expired) if (t.deadline && (await closeIfExpired(t.id, t.deadline, now))) closed++;
  return closed;
}

async function closeIfExpired(termId: string, deadline: Date, now: Date): Promise<boolean> {
  const closed = await changeTerm(termId, {}, async (tx, emit, notice) => {
    const { count } = await tx.term.updateMany({
      where: { id: termId, stage: "consultation", deadline: { lt: now } },
      data: { stage: "provisional", deadline: null },
    });
    if (count === 0) return false;
    await recordAudit(tx, SYSTEM, "term.deadline_passed", "term", termId, { stage: "consultation", deadline }, { stage: "provisional", deadline: null });
    emit("stage", { stage: "provisional", deadline: null });
    notice({ kind: "provisional" });
    return true;
  });
  return closed;
}

/** 403 stage_closed, with a sentence saying what is closed. */
export function stageClosed(message: string): AppError {
  return new AppError("stage_closed", message);
}

export function requireStage(stage: Stage, open: readonly Stage[], message: string): void {
  if (!open.includes(stage)) throw stageClosed(message);
}

/** A Prisma error's code (P2002 unique violation, P2025 record not found), if it is one. */
export function prismaCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}
