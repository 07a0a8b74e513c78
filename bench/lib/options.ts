import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ENGINES, ROOT, type Engine } from "@/test/support/app";
import { postgresReachable, PG_ADMIN_URL } from "@/test/support/db";
import { DEFAULT_MEASURE, type MeasureOptions } from "./measure";

/** The options every benchmark takes, parsed: see bench/index.ts and bench/conference.ts. */
export type BenchOptions = {
  engines: Engine[];
  /** Whether --engine named them (then skipping one is not a failure). */
  explicitEngines: boolean;
  measure: MeasureOptions;
  /** --warmup was given (else a benchmark may shorten the warm-up). */
  warmupGiven: boolean;
  build: boolean;
  strict: boolean;
};

/**
 * Parses --engine (repeatable), --build, --strict, --rounds, --duration, --warmup and
 * --connections (at least `minConnections`); `own(arg, num)` takes the benchmark's own
 * arguments (num() reads the next one as a number) and returns false for one it does not know.
 */
export function parseBenchArgs(argv: string[], own: (arg: string, num: () => number) => boolean, { minConnections = 1 } = {}): BenchOptions {
  const engines: Engine[] = [];
  const measure: MeasureOptions = { ...DEFAULT_MEASURE };
  const o = { warmupGiven: false, build: false, strict: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const num = () => {
      const v = Number(argv[++i]);
      if (!Number.isFinite(v) || v < 0) throw new Error(`${a} needs a number`);
      return v;
    };
    if (a === "--build") o.build = true;
    else if (a === "--strict") o.strict = true;
    else if (a === "--engine") {
      const e = argv[++i] as Engine;
      if (!ENGINES.includes(e)) throw new Error(`--engine: one of ${ENGINES.join(", ")}`);
      engines.push(e);
    } else if (a === "--rounds") measure.rounds = Math.max(1, Math.round(num()));
    else if (a === "--duration") measure.duration = num();
    else if (a === "--warmup") {
      measure.warmup = num();
      o.warmupGiven = true;
    } else if (a === "--connections") measure.connections = Math.max(minConnections, Math.round(num()));
    else if (!own(a, num)) throw new Error(`unknown argument ${a}`);
  }
  return { engines: engines.length ? engines : ENGINES, explicitEngines: engines.length > 0, measure, ...o };
}

/**
 * Whether a benchmark can run on `engine`: a PostgreSQL that is not running is skipped loudly
 * and noted in `skipped` (a failure of the run unless --engine chose the engines; not thrown).
 */
export async function benchEngine(engine: Engine, skipped: string[], log: (line: string) => void): Promise<boolean> {
  if (engine !== "postgresql" || (await postgresReachable())) return true;
  log(`\n!!! SKIPPING PostgreSQL: not reachable at ${PG_ADMIN_URL} (set TEST_PG_URL) !!!\n`);
  skipped.push(engine);
  return false;
}

/** Writes a run's figures as JSON to bench/results/<date>-<name>.json (git-ignored) and says where. */
export function writeFigures(date: string, name: string, figures: unknown, log: (line: string) => void): void {
  const dir = path.join(ROOT, "bench", "results");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${date.replace(/[:]/g, "-")}-${name}.json`);
  writeFileSync(file, JSON.stringify(figures, null, 2));
  log(`\nfigures written to ${path.relative(ROOT, file)}`);
}
