/**
 * The in-process CPU time of one maintained update (issue 12): the cells a voter's revision
 * adds to the term's counts (`ballotDelta`, lib/tally/cells.ts), for a ballot grading all 20
 * renderings before and after (the worst case: 2 × (1 + 20 + 190) cells). What the database
 * then does with the cells is I/O, measured by the HTTP figures.
 */
import { ballotDelta, type TalliedBallot } from "@/lib/tally/cells";
import { GRADES, type Grade } from "@/lib/tally/grades";
import { median } from "./measure";
import { rng } from "./dataset";

export const MAINTAINED_UPDATE_TARGET_MS = 0.2;

/** The q-quantile (0..1) by nearest rank; NaN for no samples. */
export function percentile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
}

export function maintainedUpdateCpu(renderings = 20, perBatch = 20_000, batches = 5): { msPerUpdate: number; batches: number[]; cells: number } {
  const random = rng(17);
  const ids = Array.from({ length: renderings }, (_, i) => `r${i}`);
  const active = new Set(ids);
  const ballot = (): TalliedBallot => {
    const grades: Record<string, Grade> = {};
    const reasons: Record<string, string> = {};
    for (const id of ids) {
      const g = GRADES[Math.floor(random() * GRADES.length)]!;
      grades[id] = g;
      if (g === "reject") reasons[id] = "Benchmark: cannot live with this one.";
    }
    return { delegation: random() < 0.5 ? "China" : "Canada", grades, reasons };
  };
  const pairs = Array.from({ length: 1000 }, () => [ballot(), ballot()] as const);
  let cells = 0;
  for (let i = 0; i < 5000; i++) cells += ballotDelta(pairs[i % pairs.length]![0], pairs[i % pairs.length]![1], active).length; // warm the JIT
  const times: number[] = [];
  cells = 0;
  for (let b = 0; b < batches; b++) {
    const before = process.cpuUsage();
    for (let i = 0; i < perBatch; i++) {
      const [x, y] = pairs[i % pairs.length]!;
      cells += ballotDelta(x, y, active).length;
    }
    const used = process.cpuUsage(before);
    times.push((used.user + used.system) / 1000 / perBatch);
  }
  return { msPerUpdate: median(times), batches: times, cells: cells / (perBatch * batches) };
}
