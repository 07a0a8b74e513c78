export { GRADES, GRADE_LABELS, QUALIFYING_GRADE, gradeRank, isGrade, type Grade } from "./grades";
export {
  ballotExportSchema,
  gradeSchema,
  resultsSchema,
  storedResultsSchema,
  type BallotExport,
  type Block,
  type ListedReason,
  type ExportedBallot,
  type ExportedRendering,
  type MeritProfile,
  type RenderingResult,
  type Results,
  type Robustness,
  type Explanation,
  type StoredResults,
} from "./schema";
export { tally } from "./tally";
