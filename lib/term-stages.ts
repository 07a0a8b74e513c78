/** The stages of a term, in order. Here, without zod, so that pages' client code can use them. */
export const STAGES = ["draft", "consultation", "provisional", "published"] as const;
export type Stage = (typeof STAGES)[number];

/**
 * The life of a term (domain.md, "Stages of a term"), as data: which moves a facilitator may
 * make, and what each stage is open for. Services enforce these; pages only read them to decide
 * which controls to show.
 */
export const STAGE_MOVES: Readonly<Record<Stage, readonly Stage[]>> = {
  // Back to draft only while nobody has voted (checked by the service).
  draft: ["consultation"],
  consultation: ["provisional", "draft"],
  // Back to consultation when objections call for another round.
  provisional: ["consultation", "published"],
  // Reopening keeps every earlier decision in the history (marked superseded).
  published: ["consultation"],
};


export function canMoveStage(from: Stage, to: Stage): boolean {
  return STAGE_MOVES[from].includes(to);
}

/** A move back (to draft, or to consultation, which reopens the vote): asked to be confirmed. */
export function isStepBack(from: Stage, to: Stage): boolean {
  return STAGES.indexOf(to) < STAGES.indexOf(from);
}

/**
 * The choices of the stage control, the next stage forward first (its default): a term in
 * consultation may also just get a new deadline (listed as itself). Publishing is offered for a
 * provisional term though it happens by recording the decision (the form leads there).
 */
export function stageChoices(from: Stage): Stage[] {
  const moves = [...STAGE_MOVES[from], ...(from === "consultation" ? [from] : [])];
  const forward = (s: Stage) => STAGES.indexOf(s) > STAGES.indexOf(from);
  return [...moves.filter(forward), ...moves.filter((s) => s === from), ...moves.filter((s) => isStepBack(from, s))];
}

/** New renderings, and edits or withdrawals of one's own, only during the consultation. */
export const PROPOSALS_OPEN: readonly Stage[] = ["consultation"];
/** Arguments are heard during the consultation and, as objections, in the provisional stage. */
export const COMMENTS_OPEN: readonly Stage[] = ["consultation", "provisional"];
/** Duplicates can be merged until a decision is recorded. */
export const MERGES_OPEN: readonly Stage[] = ["draft", "consultation", "provisional"];
/** A decision is recorded on a provisional term, which it publishes. */
export const DECISION_FROM: Stage = "provisional";

export const isOpenFor = (stages: readonly Stage[], stage: Stage) => stages.includes(stage);
