/**
 * The pure tally (lib/tally) on synthetic exports: 1k, 10k, 100k ballots × 5, 20, 50
 * renderings. Generating the input is not timed; each size is run a few times and the
 * median is kept.
 */
import { tally, type BallotExport } from "@/lib/tally";
import { median } from "./measure";
import { qualities, rng, syntheticBallot } from "./dataset";

export const BALLOT_COUNTS = [1_000, 10_000, 100_000];
export const RENDERING_COUNTS = [5, 20, 50];
/** Target of issue 7: 100k ballots × 20 renderings under 2 s. */
export const TALLY_TARGET = { ballots: 100_000, renderings: 20, ms: 2000 };

export type TallyRow = { ballots: number; renderings: number; ms: number; usPerBallot: number; runs: number };

export function syntheticExport(ballots: number, renderings: number, seed = 3): BallotExport {
  const random = rng(seed);
  const ids = Array.from({ length: renderings }, (_, i) => `r${i}`);
  const quality = qualities(random, renderings);
  return {
    term: "bench",
    renderings: ids.map((id, i) => ({ id, text: `基准${i}`, createdAt: new Date(Date.UTC(2020, 0, 1, 0, 0, i)).toISOString() })),
    ballots: Array.from({ length: ballots }, (_, v) => ({
      voter: `v-${v}`,
      delegation: v % 2 ? "China" : "Canada",
      ...syntheticBallot(random, ids, quality),
    })),
  };
}

export function runTallyBench(log: (line: string) => void): TallyRow[] {
  const rows: TallyRow[] = [];
  tally(syntheticExport(1000, 5)); // warm the JIT
  for (const renderings of RENDERING_COUNTS) {
    for (const ballots of BALLOT_COUNTS) {
      const input = syntheticExport(ballots, renderings);
      const runs = ballots >= 100_000 ? 3 : 5;
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t = process.hrtime.bigint();
        const results = tally(input);
        times.push(Number(process.hrtime.bigint() - t) / 1e6);
        if (results.voters === 0) throw new Error("no voters counted");
      }
      const ms = median(times);
      rows.push({ ballots, renderings, ms, usPerBallot: (ms * 1000) / ballots, runs });
      log(`  tally ${ballots} ballots × ${renderings} renderings: ${ms.toFixed(1)} ms (${((ms * 1000) / ballots).toFixed(2)} µs/ballot)`);
    }
  }
  return rows;
}

export function tallyTarget(rows: TallyRow[]): { pass: boolean; ms: number } {
  const row = rows.find((r) => r.ballots === TALLY_TARGET.ballots && r.renderings === TALLY_TARGET.renderings);
  const ms = row?.ms ?? NaN;
  return { pass: ms < TALLY_TARGET.ms, ms };
}
