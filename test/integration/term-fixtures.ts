import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { ZodError } from "zod";
import type { Db } from "@/server/db/client";
import type { Actor } from "@/lib/permissions";
import type { Stage } from "@/lib/schemas/term";
import { isAppError, type ErrorCode } from "@/lib/errors";
import { normalizedKey, traditionalForm, derivePinyin } from "@/lib/rendering/text";
import type { Grade } from "@/lib/tally";

/** Data for the proposal, discussion and facilitation suites; each test makes its own term. */

export async function makeTerm(db: Db, { stage = "consultation", deadline = null }: { stage?: Stage; deadline?: Date | null } = {}) {
  const tag = randomBytes(4).toString("hex");
  return db.term.create({ data: { slug: `t-${tag}`, headword: `term ${tag}`, stage, deadline } });
}

export async function addRendering(db: Db, termId: string, text: string, proposer?: Actor, createdAt = new Date()) {
  await db.term.update({ where: { id: termId }, data: { tallyVersion: { increment: 1 }, tallyCellsOf: -1 } });
  return db.rendering.create({
    data: {
      termId,
      text,
      normalizedKey: normalizedKey(text),
      traditional: traditionalForm(text),
      pinyin: derivePinyin(text),
      gloss: `gloss of ${text}`,
      proposerId: proposer?.id ?? null,
      proposerLabel: proposer ? "" : "seed",
      createdAt,
    },
  });
}

/**
 * Writes a ballot directly (the ballot service belongs to another suite), bumping the version
 * as it would and marking the maintained tally stale, so it is rebuilt before the next read.
 */
export async function grade(db: Db, voter: Actor, termId: string, grades: Record<string, Grade>, reasons: Record<string, string> = {}) {
  const delegationId = voter.delegationId;
  if (!delegationId) throw new Error("voter without delegation");
  const [, ballot] = await db.$transaction([
    db.term.update({ where: { id: termId }, data: { tallyVersion: { increment: 1 }, tallyCellsOf: -1 } }),
    db.ballot.upsert({
      where: { termId_userId: { termId, userId: voter.id } },
      create: { termId, userId: voter.id, delegationId, grades, reasons },
      update: { grades, reasons, revision: { increment: 1 } },
    }),
  ]);
  await db.ballotEvent.create({ data: { ballotId: ballot.id, termId, userId: voter.id, revision: ballot.revision, grades, reasons } });
  return ballot;
}

/** Asserts a typed AppError with this code (and returns it for further checks). */
export async function rejectsWith(promise: Promise<unknown>, code: ErrorCode): Promise<Record<string, unknown>> {
  let caught: unknown;
  await assert.rejects(promise, (e) => {
    caught = e;
    return true;
  });
  assert.ok(isAppError(caught), `expected AppError ${code}, got ${String(caught)}`);
  assert.equal(caught.code, code, caught.message);
  return caught.details;
}

/** Asserts the shared zod schema refused the input, with this message code on this field. */
export async function rejectsInvalid(promise: Promise<unknown>, field: string, message: string): Promise<void> {
  await assert.rejects(promise, (e) => {
    assert.ok(e instanceof ZodError, `expected a ZodError, got ${String(e)}`);
    assert.ok(
      e.issues.some((i) => i.path.join(".") === field && i.message === message),
      `expected ${field}: ${message}, got ${JSON.stringify(e.issues.map((i) => [i.path.join("."), i.message]))}`,
    );
    return true;
  });
}
