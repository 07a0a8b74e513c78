import "server-only";
import { db } from "@/server/db/client";
import { AppError, conflict, invalid, notFound } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import type { TermRecord } from "@/lib/schemas/term";
import { createTermSchema, editTermSchema, moveStageSchema, slugFromHeadword, type CreateTerm } from "@/lib/schemas/term-input";
import { canMoveStage, isStepBack } from "@/lib/term-stages";
import { requireRole } from "@/server/auth/guard";
import { auditActor, OPERATOR, recordAudit, type Tx } from "@/server/site/audit";
import { closeExpiredConsultation, prismaCode } from "@/server/terms/deadline";
import { changeTerm } from "@/server/terms/change";

/**
 * Facilitators create and edit terms and move them through their stages
 * (lib/term-stages.ts has the allowed moves). Publishing is not a stage move here: it happens
 * only together with recording a decision (server/decisions/service.ts).
 */

const TERM_FIELDS = {
  slug: true,
  headword: true,
  abbreviation: true,
  definition: true,
  context: true,
  note: true,
  definitionTarget: true,
  contextTarget: true,
  noteTarget: true,
  source: true,
  subjectField: true,
  sourceLang: true,
  targetLang: true,
  stage: true,
  deadline: true,
} as const;

/** The shape is the API's (lib/schemas/term.ts), which the OpenAPI document describes. */
export type { TermRecord };

function record(t: Omit<TermRecord, "deadline"> & { deadline: Date | null }): TermRecord {
  return { ...t, deadline: t.deadline?.toISOString() ?? null };
}

/** The editable fields of a term, for the edit form. Facilitators only. */
export async function getTermForEdit(actor: Actor | null, slug: string): Promise<TermRecord> {
  requireRole(actor, "facilitator");
  const t = await db().term.findUnique({ where: { slug }, select: TERM_FIELDS });
  if (!t) throw notFound("Term");
  return record(t);
}

export async function createTerm(actor: Actor | null, raw: unknown): Promise<TermRecord> {
  const me = requireRole(actor, "facilitator");
  const { slug: given, ...fields } = createTermSchema.parse(raw);
  const slug = given ?? slugFromHeadword(fields.headword);
  if (!slug) throw invalid("Give the term a slug (its address): lowercase letters, digits and hyphens.", { slug: ["slug_required"] });
  try {
    return await db().$transaction(async (tx) => record((await insertTerm(tx, me.id, { ...fields, slug })).term));
  } catch (e) {
    if (prismaCode(e) === "P2002") throw conflict(`A term with the address “${slug}” exists already.`, { fields: { slug: ["slug_taken"] } });
    throw e;
  }
}

/**
 * Writes a new term as a draft, with its audit entry: the one way a term comes to exist (the
 * form and API above, and an import, which says so in `via`). Input already validated.
 */
export async function insertTerm(tx: Tx, actorId: string | null, fields: CreateTerm & { slug: string }, via?: string) {
  const { id, ...term } = await tx.term.create({ data: { ...fields, stage: "draft", createdById: actorId }, select: { id: true, ...TERM_FIELDS } });
  await recordAudit(tx, actorId ?? OPERATOR, "term.create", "term", id, null, via ? { ...term, via } : term);
  return { id, term };
}

/** insertTerm for many terms at once (an import): the same rows and audit entries, in two statements. */
export async function insertTerms(tx: Tx, actorId: string | null, all: (CreateTerm & { slug: string })[], via: string) {
  if (all.length === 0) return [];
  const rows = await tx.term.createManyAndReturn({ data: all.map((fields) => ({ ...fields, stage: "draft" as const, createdById: actorId })), select: { id: true, ...TERM_FIELDS } });
  await tx.auditEntry.createMany({
    data: rows.map(({ id, ...term }) => ({ ...auditActor(actorId ?? OPERATOR), action: "term.create", entityType: "term", entityId: id, after: JSON.parse(JSON.stringify({ ...term, via })) as object })),
  });
  return rows;
}

export async function editTerm(actor: Actor | null, slug: string, raw: unknown): Promise<TermRecord> {
  const me = requireRole(actor, "facilitator");
  const input = editTermSchema.parse(raw);
  await closeExpiredConsultation({ slug });
  const before = await db().term.findUnique({ where: { slug }, select: { id: true, ...TERM_FIELDS } });
  if (!before) throw notFound("Term");
  const changed = Object.fromEntries(
    Object.entries(input).filter(([k, v]) => v !== undefined && before[k as keyof typeof before] !== v),
  ) as Partial<typeof before>;
  if (Object.keys(changed).length === 0) {
    const { id: _id, ...rest } = before;
    void _id;
    return record(rest);
  }
  const edited = await changeTerm(before.id, {}, async (tx, emit) => {
    const { id, ...after } = await tx.term.update({ where: { id: before.id }, data: changed, select: { id: true, ...TERM_FIELDS } });
    const was = Object.fromEntries(Object.keys(changed).map((k) => [k, before[k as keyof typeof before]]));
    await recordAudit(tx, me.id, "term.edit", "term", id, was, changed);
    // Open term pages show the new headword, definition or context at once.
    emit("term", { fields: Object.keys(changed) });
    return record(after);
  });
  return edited;
}

/**
 * Moves a term to another stage, with an optional deadline when it opens for consultation
 * (or, for a term already in consultation, sets or clears its deadline).
 */
export async function moveStage(actor: Actor | null, slug: string, raw: unknown, now = new Date()): Promise<TermRecord> {
  const me = requireRole(actor, "facilitator");
  const input = moveStageSchema.parse(raw);
  await closeExpiredConsultation({ slug }, now);
  const term = await db().term.findUnique({ where: { slug }, select: { id: true, stage: true, deadline: true } });
  if (!term) throw notFound("Term");
  const from = term.stage;
  const to = input.stage;

  if (input.deadline && input.deadline <= now) {
    throw invalid("The deadline must be in the future.", { deadline: ["deadline_past"] });
  }
  if (to === "published") {
    throw invalid("A term is published by recording its decision.", { stage: ["publish_needs_decision"] });
  }
  const deadlineOnly = from === to && to === "consultation";
  if (!deadlineOnly && !canMoveStage(from, to)) {
    throw invalid(`A ${from} term cannot move to ${to}.`, { stage: ["move_not_allowed"] });
  }
  if (isStepBack(from, to) && !input.confirmBack) {
    // One click must not reopen a vote (or unpublish): the caller says it means it.
    throw new AppError("invalid", `Moving a ${from} term back to ${to} must be confirmed (confirmBack: true).`, {
      reason: "confirm_required",
      fields: { confirmBack: ["confirm_required"] },
    });
  }

  const moved = await changeTerm(term.id, {}, async (tx, emit, notice) => {
    if (from === "consultation" && to === "draft" && (await tx.ballot.count({ where: { termId: term.id } })) > 0) {
      throw conflict("Scholars have voted on this term; it can no longer go back to draft.", { reason: "has_ballots" });
    }
    // Conditional on the stage read above, so two facilitators moving at once cannot both win.
    const { count } = await tx.term.updateMany({
      where: { id: term.id, stage: from },
      data: { stage: to, deadline: to === "consultation" ? input.deadline : null },
    });
    if (count === 0) throw conflict("The term's stage changed meanwhile; reload and try again.");
    if (from === "published") {
      // Reopening: the decision stays in the history, marked as superseded.
      await tx.decision.updateMany({ where: { termId: term.id, supersededAt: null }, data: { supersededAt: now } });
    }
    const after = await tx.term.findUniqueOrThrow({ where: { id: term.id }, select: TERM_FIELDS });
    await recordAudit(
      tx,
      me.id,
      deadlineOnly ? "term.deadline" : from === "published" ? "term.reopen" : "term.stage",
      "term",
      term.id,
      { stage: from, deadline: term.deadline },
      { stage: after.stage, deadline: after.deadline },
    );
    emit("stage", { stage: after.stage, deadline: after.deadline?.toISOString() ?? null });
    if (to === "consultation" && from !== "consultation") notice({ kind: "consultation" });
    if (to === "provisional" && from === "consultation") notice({ kind: "provisional" });
    return record(after);
  });
  return moved;
}
