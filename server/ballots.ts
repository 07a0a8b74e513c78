import "server-only";
import { db } from "@/server/db/client";
import { AppError, notFound, type FieldErrors } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import { BALLOT_ERRORS, ballotInputSchema, type BallotInput, type BallotView } from "@/lib/schemas/ballot";
import { requireActor, requireDelegation } from "@/server/auth/guard";
import { storedGrades, storedReasons } from "@/server/ballot-export";
import { fieldErrorsOf } from "@/lib/validation";
import { afterCommit, termEventOps } from "@/server/live/publish";

/**
 * How a ballot is stored: one row per scholar and term (unique termId+userId), replaced as a
 * whole on every save (last write wins), each accepted save also appended to BallotEvent with
 * the ballot's new revision and full content, and the term's tally version bumped, all in one
 * transaction.
 */

export async function getBallot(actor: Actor | null, slug: string): Promise<BallotView> {
  const me = requireActor(actor);
  const term = await db().term.findUnique({ where: { slug }, select: { id: true } });
  if (!term) throw notFound("Term");
  const ballot = await db().ballot.findUnique({ where: { termId_userId: { termId: term.id, userId: me.id } } });
  if (!ballot) return { term: slug, grades: {}, reasons: {}, note: "", revision: 0, updatedAt: null };
  return {
    term: slug,
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

  const term = await db().term.findUnique({
    where: { slug },
    select: { id: true, stage: true, renderings: { where: { status: "active" }, select: { id: true } } },
  });
  if (!term) throw notFound("Term");
  if (term.stage !== "consultation") throw stageClosed();
  // Every problem at once: the schema's, and grades for renderings that are not open here.
  const fields: FieldErrors = parsed.success ? {} : fieldErrorsOf(parsed.error);
  const open = new Set(term.renderings.map((r) => r.id));
  for (const id of Object.keys(gradesIn(raw))) {
    // Replaces a grade error for it: that the rendering is not open here matters more.
    if (!open.has(id)) fields[`grades.${id}`] = [BALLOT_ERRORS.unknownRendering];
  }
  if (!parsed.success || Object.keys(fields).length > 0) throw invalidBallot(fields);
  const input = parsed.data;

  try {
    return await write(me, term.id, slug, input);
  } catch (e) {
    // Two first saves of one scholar racing: the loser's insert hits the unique key. Its
    // retry finds the row and becomes an ordinary revision (last write wins).
    if (prismaCode(e) === "P2002") return write(me, term.id, slug, input);
    throw e;
  }
}

/**
 * One batch transaction, four statements (five with PostgreSQL's NOTIFY), no round trip in between:
 * 1. bump the term's tally version, only while it is in consultation (otherwise P2025 and
 *    nothing is written: the stage check that counts is this one, not the read above);
 *    this also takes the term's row lock first, so writers of a term queue in one order;
 * 2. upsert the ballot, incrementing its revision;
 * 3. append the event by copying the ballot row as it now stands in this transaction, so the
 *    event's revision is the ballot's, whatever other writers do;
 * 4. record a "ballot" term event for live pages.
 */
async function write(me: Actor & { delegationId: string }, termId: string, slug: string, input: BallotInput): Promise<BallotView> {
  const content = { grades: input.grades, reasons: input.reasons, note: input.note, delegationId: me.delegationId };
  try {
    const [, ballot] = await db().$transaction([
      db().term.update({
        where: { id: termId, stage: "consultation" },
        data: { tallyVersion: { increment: 1 } },
        select: { id: true },
      }),
      db().ballot.upsert({
        where: { termId_userId: { termId, userId: me.id } },
        create: { termId, userId: me.id, revision: 1, ...content },
        update: { ...content, revision: { increment: 1 } },
        select: { revision: true, updatedAt: true },
      }),
      db().$executeRaw`
        INSERT INTO "BallotEvent" ("ballotId", "termId", "userId", "revision", "grades", "reasons", "note", "cause", "createdAt")
        SELECT "id", "termId", "userId", "revision", "grades", "reasons", "note", 'vote', "updatedAt"
        FROM "Ballot" WHERE "termId" = ${termId} AND "userId" = ${me.id}`,
      // Open term pages refresh (docs/decisions/011); the payload names no one.
      ...termEventOps(db(), termId, "ballot", {}),
    ]);
    afterCommit(termId);
    return { term: slug, ...input, revision: ballot.revision, updatedAt: ballot.updatedAt.toISOString() };
  } catch (e) {
    if (prismaCode(e) === "P2025") throw stageClosed();
    throw e;
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

function prismaCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}
