import { z } from "@/lib/zod";
import { GRADES } from "./grades";

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

const blockSchema = z.object({
  delegation: z.string(),
  /** null: no voter of that delegation graded the rendering. */
  median: gradeSchema.nullable(),
  reasons: z.array(z.string()),
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
  blockedBy: z.array(blockSchema),
  rejectReasons: z.record(z.string(), z.array(z.string())),
});

const matrixSchema = z.record(z.string(), z.record(z.string(), z.number().int().nonnegative()));

/**
 * How robust the consensus is (issue 15). blockMargin[D]: the fewest ballots of delegation D
 * whose change would bring D's median of `consensus` below acceptable. ballotsToChange: the
 * fewest ballots whose change would make the consensus something else; exact=false when it is
 * a proven upper bound. With no consensus, `consensus` is null and the fields describe what the
 * leader needs to qualify (see lib/tally/robustness.ts).
 */
export const robustnessSchema = z.object({
  consensus: z.string().nullable(),
  blockMargin: z.record(z.string(), z.number().int().nonnegative()),
  ballotsToChange: z.number().int().nonnegative().nullable(),
  exact: z.boolean(),
});

/** One short paragraph in each UI language (issue 15). */
export const explanationSchema = z.object({ en: z.string(), zh: z.string() });

export const resultsSchema = z.object({
  term: z.string(),
  voters: z.number().int().nonnegative(),
  delegations: z.array(z.string()),
  ranking: z.array(z.string()),
  consensus: z.string().nullable(),
  renderings: z.record(z.string(), renderingResultSchema),
  pairwise: matrixSchema,
  strongestPaths: matrixSchema,
  // Filled by lib/tally/robustness.ts and lib/tally/explanation.ts (issue 15); optional until then.
  robustness: robustnessSchema.optional(),
  explanation: explanationSchema.optional(),
});

export type Results = z.infer<typeof resultsSchema>;
export type RenderingResult = z.infer<typeof renderingResultSchema>;
export type MeritProfile = z.infer<typeof profileSchema>;
export type Block = z.infer<typeof blockSchema>;
export type Robustness = z.infer<typeof robustnessSchema>;
export type Explanation = z.infer<typeof explanationSchema>;
