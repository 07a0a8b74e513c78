import { z } from "@/lib/zod";
import { GRADES } from "./grades";
import { LISTED_REASONS, listedReasonsOf } from "./reasons";

/**
 * One format for the anonymized ballot export (`GET /api/terms/{slug}/ballots`) and the
 * offline recount (`npm run tally`), and one for the results both produce.
 */

export const gradeSchema = z.enum(GRADES);

const renderingSchema = z.object({
  id: z.string().min(1),
  text: z.string().min(1),
  // With an offset, so that two exports of the same term order renderings identically.
  createdAt: z.iso.datetime({ offset: true }),
});

const ballotSchema = z.object({
  voter: z.string().min(1),
  delegation: z.string().min(1),
  grades: z.record(z.string(), gradeSchema),
  reasons: z.record(z.string(), z.string()).optional(),
});

export const ballotExportSchema = z
  .object({
    term: z.string().min(1),
    renderings: z.array(renderingSchema),
    ballots: z.array(ballotSchema),
  })
  .superRefine((input, ctx) => {
    // Results are keyed by rendering id, and a scholar has one ballot per term: a repeat
    // of either means the export is corrupt, not something to count around.
    const reportRepeats = (list: "renderings" | "ballots", key: "id" | "voter", values: string[]) => {
      const seen = new Map<string, number>();
      values.forEach((value, i) => {
        const first = seen.get(value);
        if (first === undefined) seen.set(value, i);
        else
          ctx.addIssue({
            code: "custom",
            path: [list, i, key],
            message: `duplicate ${key} ${JSON.stringify(value)} (first at ${list}[${first}])`,
          });
      });
    };
    reportRepeats("renderings", "id", input.renderings.map((r) => r.id));
    reportRepeats("ballots", "voter", input.ballots.map((b) => b.voter));
  });

export type BallotExport = z.infer<typeof ballotExportSchema>;
export type ExportedRendering = BallotExport["renderings"][number];
export type ExportedBallot = BallotExport["ballots"][number];

const profileSchema = z.object({
  excellent: z.number().int().nonnegative(),
  very_good: z.number().int().nonnegative(),
  good: z.number().int().nonnegative(),
  acceptable: z.number().int().nonnegative(),
  poor: z.number().int().nonnegative(),
  reject: z.number().int().nonnegative(),
});

/** A reject reason as the results list it (lib/tally/reasons.ts). */
const reasonSchema = z.object({
  text: z.string(),
  voters: z.number().int().positive().describe("Voters of the delegation who rejected the rendering with this text."),
});

const listedReasonsSchema = z
  .array(reasonSchema)
  .describe(
    `Distinct reject reasons, the most given first (then in code point order), at most ${LISTED_REASONS}. Voters whose reasons are not listed: the delegation's reject count in profileByDelegation minus the sum of voters here; every reason is in the ballot export.`,
  );

/** A real block: the delegation's median is below acceptable; with its reject reasons. */
const blockSchema = z.object({
  delegation: z.string(),
  median: gradeSchema.describe("Below acceptable: a delegation that has not graded the rendering is in notYetGradedBy instead."),
  reasons: listedReasonsSchema,
});

const renderingResultSchema = z.object({
  text: z.string(),
  median: gradeSchema.nullable(),
  medianByDelegation: z.record(z.string(), gradeSchema.nullable()),
  profile: profileSchema,
  profileByDelegation: z.record(z.string(), profileSchema),
  graders: z.number().int().nonnegative(),
  wins: z.number().int().nonnegative(),
  qualifies: z.boolean(),
  blockedBy: z.array(blockSchema).describe("Delegations whose median of the rendering is below acceptable."),
  notYetGradedBy: z
    .array(z.string())
    .describe("Delegations that voted on the term but none of whose voters graded this rendering: not a block, yet it keeps the rendering from qualifying."),
  rejectReasons: z.record(z.string(), listedReasonsSchema),
});

const matrixSchema = z.record(z.string(), z.record(z.string(), z.number().int().nonnegative()));

/**
 * How robust the consensus is (issue 15; lib/tally/robustness.ts says how it is computed).
 * With a consensus: blockMargin[D] is the fewest ballots of delegation D whose change would
 * bring D's median of `consensus` below acceptable (exact), for every delegation that voted;
 * ballotsToChange is the fewest changed ballots that make the consensus another rendering or
 * none: exact when `exact`, else a proven upper bound. With no consensus, `consensus` is null,
 * blockMargin[D] counts the ballots of each delegation D keeping the leader out that would have
 * to rise to acceptable (or, for a delegation that has not graded it, grade it), and
 * ballotsToChange is the fewest changed ballots after which some rendering qualifies (exact);
 * null when no ballot has been cast.
 */
export const robustnessSchema = z
  .object({
    consensus: z.string().nullable(),
    blockMargin: z.record(z.string(), z.number().int().nonnegative()),
    ballotsToChange: z.number().int().nonnegative().nullable(),
    exact: z.boolean(),
  })
  .describe(
    "How close the call is. With a consensus: blockMargin[D] = fewest ballots of delegation D whose change makes D's median of the consensus fall below acceptable; ballotsToChange = fewest changed ballots that make the consensus something else (an upper bound when exact is false). With none: blockMargin[D] = ballots of D that would have to rise to acceptable (or grade it) for the leader to qualify; ballotsToChange = fewest changed ballots after which some rendering qualifies.",
  );

/** One short paragraph in each UI language (issue 15). */
export const explanationSchema = z
  .object({ en: z.string(), zh: z.string() })
  .describe("The results in plain words: the consensus or its absence, who blocks what and why, how robust it is.");

const resultsShape = {
  term: z.string(),
  voters: z.number().int().nonnegative(),
  delegations: z.array(z.string()),
  votersByDelegation: z
    .record(z.string(), z.number().int().nonnegative())
    .describe("Ballots counted per delegation (those grading at least one active rendering)."),
  ranking: z.array(z.string()),
  consensus: z.string().nullable(),
  renderings: z.record(z.string(), renderingResultSchema),
  pairwise: matrixSchema,
  strongestPaths: matrixSchema,
  robustness: robustnessSchema,
  explanation: explanationSchema,
};

export const resultsSchema = z.object(resultsShape);

/**
 * Results as stored in a decision's snapshot, which may predate fields added since: parsed
 * with those fields optional, and an old `blockedBy` entry with `median: null` (a delegation
 * that had not graded the rendering, before issue 15) moved to `notYetGradedBy`.
 */
export const storedResultsSchema = z.preprocess(
  upgradeStoredResults,
  z.object({
    ...resultsShape,
    votersByDelegation: resultsShape.votersByDelegation.optional(),
    robustness: robustnessSchema.optional(),
    explanation: explanationSchema.optional(),
  }),
);

function upgradeStoredResults(input: unknown): unknown {
  if (!isObject(input) || !isObject(input.renderings)) return input;
  const renderings = Object.fromEntries(
    Object.entries(input.renderings).map(([id, r]) => [id, isObject(r) ? upgradeReasons(upgradeBlocks(r)) : r]),
  );
  return { ...input, renderings };
}

/** Before issue 15, a delegation that had not graded a rendering was a block with median null. */
function upgradeBlocks(r: Record<string, unknown>): Record<string, unknown> {
  if (!Array.isArray(r.blockedBy) || Array.isArray(r.notYetGradedBy)) return r;
  const ungraded = r.blockedBy.filter((b) => isObject(b) && b.median === null);
  return {
    ...r,
    blockedBy: r.blockedBy.filter((b) => !ungraded.includes(b)),
    notYetGradedBy: ungraded.map((b) => (b as { delegation?: unknown }).delegation),
  };
}

/**
 * Before issue 12's bounded results, reasons were every voter's text (a list of strings): listed
 * now as the tally lists them, so an old snapshot reads as a recount of its ballots does.
 */
function upgradeReasons(r: Record<string, unknown>): Record<string, unknown> {
  const listed = (x: unknown) => (Array.isArray(x) && x.every((t) => typeof t === "string") ? listedReasonsOf(x) : x);
  const out = { ...r };
  if (isObject(r.rejectReasons)) out.rejectReasons = Object.fromEntries(Object.entries(r.rejectReasons).map(([d, x]) => [d, listed(x)]));
  if (Array.isArray(r.blockedBy)) out.blockedBy = r.blockedBy.map((b) => (isObject(b) ? { ...b, reasons: listed(b.reasons) } : b));
  return out;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

export type Results = z.infer<typeof resultsSchema>;
export type StoredResults = z.infer<typeof storedResultsSchema>;
export type RenderingResult = z.infer<typeof renderingResultSchema>;
export type MeritProfile = z.infer<typeof profileSchema>;
export type Block = z.infer<typeof blockSchema>;
export type ListedReason = z.infer<typeof reasonSchema>;
export type Robustness = z.infer<typeof robustnessSchema>;
export type Explanation = z.infer<typeof explanationSchema>;
