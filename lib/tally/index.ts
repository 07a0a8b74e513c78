export { GRADES, GRADE_LABELS, QUALIFYING_GRADE, gradeRank, isGrade, type Grade } from "./grades";
export {
  ballotExportSchema,
  gradeSchema,
  resultsSchema,
  type BallotExport,
  type Block,
  type ExportedBallot,
  type ExportedRendering,
  type MeritProfile,
  type RenderingResult,
  type Results,
} from "./schema";
export { tally } from "./tally";
