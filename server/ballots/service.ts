import "server-only";
import { db } from "@/server/db/client";
import { AppError, conflict, notFound, type FieldErrors } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import { ballotInputSchema, type BallotView } from "@/lib/schemas/ballot";
import { requireActor, requireDelegation } from "@/server/auth/guard";
import { pseudonymFor, storedGrades, storedReasons } from "@/server/ballots/export";
import { fieldErrorsOf } from "@/lib/validation";
import { afterCommit } from "@/server/live/publish";
import { saveBallot, termForBallot, type TermForBallot } from "@/server/ballots/store";
import { ensureCells, layoutCovers, storedCells, talliedBallot } from "@/server/results/cells";
import { ballotDelta } from "@/lib/tally/cells";
import { closeExpiredConsultation } from "@/server/terms/deadline";

/**
 * How a ballot is stored: one row per scholar and term (unique termId+userId), replaced as a
 * whole on every save (last write wins), each accepted save also appended to BallotEvent with
 * the ballot's new revision and full content, the term's tally version bumped and a live event
 * written, all in one transaction (one statement on PostgreSQL; server/ballots/store.ts; why:
 * docs/decisions/012).
 */

export async function getBallot(actor: Actor | null, slug: string): Promise<BallotView> {
  const me = requireActor(actor);
  const term = await db().term.findUnique({ where: { slug }, select: { id: true } });
  if (!term) throw notFound("Term");
  const ballot = await db().ballot.findUnique({ where: { termId_userId: { termId: term.id, userId: me.id } } });
  return ballotView(slug, term.id, me.id, ballot);
}

/** The voter's view of their stored ballot (or of none yet) on a term. */
export function ballotView(
  slug: string,
  termId: string,
  userId: string,
  ballot: { grades: unknown; reasons: unknown; note: string; revision: number; updatedAt: Date } | null,
): BallotView {
  // The caller's pseudonym in the term's export, so they can find their ballot there as cast.
  const voter = pseudonymFor(termId)(userId);
  if (!ballot) return { term: slug, voter, grades: {}, reasons: {}, note: "", revision: 0, updatedAt: null };
  return {
    term: slug,
    voter,
    grades: storedGrades(ballot.grades),
    reasons: storedReasons(ballot.reasons),
    note: ballot.note,
    revision: ballot.revision,
    updatedAt: ballot.updatedAt.toISOString(),
  };
}

export async function castBallot(actor: Actor | null, slug: string, raw: unknown): Promise<BallotView> {
  const me = requireDelegation(requireActor(actor));
  const parsed = ballotInputSchema.safeParse(raw);
  // A save refused because the renderings changed since they were read (a merge, hide or
  // withdrawal won the term's lock) is checked again against the new renderings: it fails
  // with the unknown-rendering error when it grades one that is gone, else it is saved. One
  // refused because the voter's ballot moved meanwhile computes its tally delta again.
  for (let attempt = 1; ; attempt++) {
    const term = await openTermForBallot(slug, me.id);
    const input = validBallot(parsed, raw, term);
    if (term.tallyCellsOf !== term.renderingsVersion || !layoutCovers(term.tallyLayout, term.openRenderings)) {
      // The maintained tally is stale (a bulk insert, an older database) or has no slot for a
      // rendering written without changeTerm: rebuild it, then save.
      await ensureCells(term.id);
      continue;
    }
    const before = term.ballot;
    const after = { delegation: me.delegationId, grades: input.grades, reasons: input.reasons };
    const cells = storedCells(ballotDelta(before && talliedBallot(before), after, term.openRenderings), term.tallyLayout);
    const at = new Date();
    const revision = await withRetryOnBusyPool(() =>
      saveBallot({
        termId: term.id,
        renderingsVersion: term.renderingsVersion,
        userId: me.id,
        delegationId: me.delegationId,
        ...input,
        at,
        expectedRevision: before?.revision ?? 0,
        cells,
      }),
    );
    if (revision !== null) {
      afterCommit(term.id);
      return { term: slug, voter: pseudonymFor(term.id)(me.id), ...input, revision, updatedAt: at.toISOString() };
    }
    if (attempt >= SAVE_ATTEMPTS) throw conflict("The ballot kept changing while it was saved; try again.");
  }
}

/**
 * A save is tried again when a rendering change, or another save of the same voter, landed
 * between its read and its write: enough for a burst of proposals and merges, and for one
 * scholar's own saves racing each other (each round, one of them wins).
 */
const SAVE_ATTEMPTS = 30;

async function openTermForBallot(slug: string, userId: string): Promise<TermForBallot> {
  const term = await termForBallot(slug, userId);
  if (!term) throw notFound("Term");
  if (term.stage !== "consultation") throw stageClosed();
  // A passed deadline closes the consultation on access (docs/decisions/013): close it, refuse.
  if (term.deadline && term.deadline.getTime() <= Date.now()) {
    await closeExpiredConsultation({ id: term.id });
    throw stageClosed();
  }
  return term;
}

/** Every problem at once: the schema's, and grades for renderings that are not open here. */
function validBallot(parsed: ReturnType<typeof ballotInputSchema.safeParse>, raw: unknown, term: TermForBallot) {
  const fields: FieldErrors = parsed.success ? {} : fieldErrorsOf(parsed.error);
  for (const id of Object.keys(gradesIn(raw))) {
    // Replaces a grade error for it: that the rendering is not open here matters more.
    if (!term.openRenderings.has(id)) fields[`grades.${id}`] = ["unknown_rendering"];
  }
  if (!parsed.success || Object.keys(fields).length > 0) throw invalidBallot(fields);
  return parsed.data;
}

/**
 * When a save goes through a Prisma transaction (SQLite while another Prisma transaction holds
 * the connection, server/db/direct.ts), it may wait longer than Prisma's maxWait and fail with
 * P2028 before it has run anything. Such a save is tried again rather than lost.
 */
async function withRetryOnBusyPool<T>(run: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (e) {
      if ((e as { code?: unknown } | null)?.code !== "P2028" || attempt >= attempts) throw e;
    }
  }
}

/** The graded rendering ids of an input that may not have passed the schema. */
function gradesIn(raw: unknown): Record<string, unknown> {
  const grades = (raw as { grades?: unknown } | null)?.grades;
  return grades && typeof grades === "object" && !Array.isArray(grades) ? (grades as Record<string, unknown>) : {};
}

function invalidBallot(fields: FieldErrors) {
  return new AppError("invalid", "The ballot was not saved: see the fields.", { fields });
}

function stageClosed() {
  return new AppError("stage_closed", "Grading is closed: this term is not in consultation.");
}
