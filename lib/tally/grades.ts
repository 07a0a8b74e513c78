/**
 * The majority-judgment scale, lowest first, so that a grade's index is its rank and
 * "higher grade" is plain integer comparison in the tally's inner loops.
 */
export const GRADES = ["reject", "poor", "acceptable", "good", "very_good", "excellent"] as const;

export type Grade = (typeof GRADES)[number];

/** Labels shown in both UI languages; the English words are the domain's own. */
export const GRADE_LABELS: Readonly<Record<Grade, { readonly en: string; readonly zh: string }>> = {
  reject: { en: "Reject", zh: "不可接受" },
  poor: { en: "Poor", zh: "欠佳" },
  acceptable: { en: "Acceptable", zh: "可接受" },
  good: { en: "Good", zh: "好" },
  very_good: { en: "Very good", zh: "很好" },
  excellent: { en: "Excellent", zh: "优秀" },
};

/** The lowest grade a delegation's median may have for a rendering to qualify. */
export const QUALIFYING_GRADE: Grade = "acceptable";

const RANK: ReadonlyMap<string, number> = new Map(GRADES.map((g, i) => [g, i]));

export function isGrade(x: unknown): x is Grade {
  return typeof x === "string" && RANK.has(x);
}

/** 0 for reject up to 5 for excellent. */
export function gradeRank(g: Grade): number {
  const rank = RANK.get(g);
  if (rank === undefined) throw new TypeError(`not a grade: ${JSON.stringify(g)}`);
  return rank;
}
