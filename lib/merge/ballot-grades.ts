import { gradeRank, isGrade, type Grade } from "@/lib/tally";

/**
 * What merging a duplicate rendering does to one ballot, and how to take it back. Pure, so the
 * rules are tested without a database (server/deliberation/merge.ts applies them in a transaction).
 *
 * Merging `from` into `into`: where the voter graded `from`, `into` gets the higher of the two
 * grades (only `from`'s grade when `into` was ungraded); a reject keeps its written reason;
 * `from`'s grade and reason are removed.
 */

export type Grades = Record<string, Grade>;
export type Reasons = Record<string, string>;
export type GradeAndReason = { grade: Grade | null; reason: string | null };

/** What the undo needs for one ballot: both renderings before the merge, and `into` right after it. */
export type BallotMergeUndo = { ballotId: string; from: GradeAndReason; into: GradeAndReason; merged: GradeAndReason };

export type BallotContent = { grades: Grades; reasons: Reasons };

function at(content: BallotContent, id: string): GradeAndReason {
  return { grade: content.grades[id] ?? null, reason: content.reasons[id] ?? null };
}

function put(content: BallotContent, id: string, value: GradeAndReason): void {
  if (value.grade) content.grades[id] = value.grade;
  else delete content.grades[id];
  if (value.reason !== null && value.grade === "reject") content.reasons[id] = value.reason;
  else delete content.reasons[id];
}

function copy(content: BallotContent): BallotContent {
  return { grades: { ...content.grades }, reasons: { ...content.reasons } };
}

/** null when the ballot does not grade `from` (nothing to change). */
export function mergeBallot(
  ballotId: string,
  content: BallotContent,
  fromId: string,
  intoId: string,
): { content: BallotContent; undo: BallotMergeUndo } | null {
  const from = at(content, fromId);
  if (!from.grade) return null;
  const into = at(content, intoId);
  let merged: GradeAndReason;
  if (!into.grade || gradeRank(from.grade) > gradeRank(into.grade)) merged = from;
  // Equal rejects: the survivor's own reason stands; the duplicate's fills in if it had none.
  else if (into.grade === "reject" && from.grade === "reject") merged = { grade: "reject", reason: into.reason ?? from.reason };
  else merged = into;
  const next = copy(content);
  put(next, intoId, merged);
  put(next, fromId, { grade: null, reason: null });
  return { content: next, undo: { ballotId, from, into, merged: at(next, intoId) } };
}

/**
 * Restores `from`'s grade, and `into`'s grade as it was before the merge unless the voter has
 * changed it since (their newer choice stands).
 */
export function unmergeBallot(content: BallotContent, undo: BallotMergeUndo, fromId: string, intoId: string): BallotContent {
  const next = copy(content);
  const now = at(next, intoId);
  if (now.grade === undo.merged.grade && now.reason === undo.merged.reason) put(next, intoId, undo.into);
  put(next, fromId, undo.from);
  return next;
}

/** Grades and reasons as stored (JSON), keeping only well-formed entries. */
export function ballotContent(grades: unknown, reasons: unknown): BallotContent {
  const obj = (x: unknown): Record<string, unknown> => (x && typeof x === "object" && !Array.isArray(x) ? (x as Record<string, unknown>) : {});
  return {
    grades: Object.fromEntries(Object.entries(obj(grades)).filter(([, g]) => isGrade(g))) as Grades,
    reasons: Object.fromEntries(Object.entries(obj(reasons)).filter(([, r]) => typeof r === "string")) as Reasons,
  };
}
