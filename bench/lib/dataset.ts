/**
 * The benchmark data set, written straight into the database (fast bulk inserts, see
 * test/faults/support/db.ts): the seeded term `cso` with 15 more renderings (20 in all),
 * 10,000 voters with a ballot each, and 1,000 more scholars with API tokens and no ballot yet,
 * who are the writers of the ballot benchmark. Deterministic (seeded random numbers).
 */
import { GRADES, type Grade } from "@/lib/tally/grades";
import { plantRenderings, plantScholars, plantBallots, termBySlug, type Scholar, type Sql, type TermInfo } from "@/test/support/raw-sql";

export type DatasetOptions = { renderings: number; ballots: number; writers: number; seed: number };
export const DEFAULT_DATASET: DatasetOptions = { renderings: 20, ballots: 10_000, writers: 1_000, seed: 7 };

export type Dataset = { term: TermInfo; writers: Scholar[]; options: DatasetOptions };

/** mulberry32: small, fast, good enough for synthetic data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REASONS = [
  "共存 reads as mere coexistence, not shared leadership.",
  "Too close to an existing term with another meaning.",
  "Hard to say aloud in a formal setting.",
];

/**
 * Share of grades that are rejects (each with a written reason). 0.5% by default: with 10,000
 * voters that is about 800 reasons, all of which the results list. BENCH_REJECT_RATE changes it
 * (e.g. 0 to see what the reasons cost the term page).
 */
export const REJECT_RATE = Number(process.env.BENCH_REJECT_RATE ?? 0.005);

/**
 * A voter's grades: each rendering graded with probability `coverage`, around a per-rendering
 * quality with some spread; a reject (rare, REJECT_RATE of grades) carries a reason.
 */
export function syntheticBallot(
  random: () => number,
  renderings: readonly string[],
  quality: readonly number[],
  coverage = 0.8,
): { grades: Record<string, Grade>; reasons: Record<string, string> } {
  const grades: Record<string, Grade> = {};
  const reasons: Record<string, string> = {};
  renderings.forEach((id, r) => {
    if (random() >= coverage) return;
    if (random() < REJECT_RATE) {
      grades[id] = "reject";
      reasons[id] = REASONS[Math.floor(random() * REASONS.length)]!;
      return;
    }
    const g = Math.round(quality[r]! + (random() + random() + random() - 1.5) * 2);
    grades[id] = GRADES[Math.min(GRADES.length - 1, Math.max(1, g))]!;
  });
  return { grades, reasons };
}

export function qualities(random: () => number, n: number): number[] {
  return Array.from({ length: n }, () => 1.5 + random() * 3);
}

export async function prepareDataset(sql: Sql, options: DatasetOptions = DEFAULT_DATASET): Promise<Dataset> {
  const random = rng(options.seed);
  let term = await termBySlug(sql, "cso");
  await plantRenderings(sql, term.id, options.renderings, "bench");
  term = await termBySlug(sql, "cso");
  const quality = qualities(random, term.renderings.length);
  const voters = await plantScholars(sql, options.ballots, "voter");
  await plantBallots(
    sql,
    term.id,
    voters.map((v) => ({ userId: v.id, delegationId: v.delegationId, ...syntheticBallot(random, term.renderings, quality) })),
    "bench",
  );
  const writers = await plantScholars(sql, options.writers, "writer");
  return { term: await termBySlug(sql, "cso"), writers, options };
}
