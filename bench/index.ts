/**
 * Benchmarks of issue 7. Usage:
 *
 *   npm run bench [-- options]            everything: tally, then results, page, ballots per engine
 *   npm run bench:ballots | bench:results | bench:page | bench:tally | bench:mixed   one of them
 *
 * Options:
 *   --engine sqlite|postgresql  only this engine (repeatable; default both)
 *   --build                     rebuild .next-bench even if it is newer than the sources
 *   --strict                    exit 1 when a target is missed (or an engine was skipped)
 *   --rounds N --duration S --warmup S --connections N   measurement (default 3 × 6 s, 3 s, 50)
 *   --profile                   run the server with --cpu-prof (profiles in bench/results/profiles)
 *
 * Prints ratios against GET /api/health of the same server, measured in the same run, with
 * PASS/FAIL per target, and writes the figures as JSON to bench/results/ (git-ignored).
 * See docs/benchmarks.md.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { ROOT, ensureBuild } from "@/test/support/app";
import { benchEngine, parseBenchArgs, writeFigures } from "./lib/options";
import { HTTP_BENCHES, runEngine, type HttpBench, type HttpRow } from "./lib/http";
import { machine } from "./lib/machine";
import { BALLOT_COUNTS, RENDERING_COUNTS, TALLY_TARGET, runTallyBench, tallyTarget, type TallyRow } from "./lib/tally";

type Bench = HttpBench | "tally";
const ALL: Bench[] = ["tally", ...HTTP_BENCHES];
/** `npm run bench` as it was (issue 7's set); the mixed load runs with `npm run bench:mixed`. */
const DEFAULT: Bench[] = ALL.filter((b) => b !== "mixed");
const DIST_DIR = ".next-bench";

function parseArgs(argv: string[]) {
  const benches: Bench[] = [];
  let profile = false;
  const o = parseBenchArgs(argv, (a) => {
    if (a === "--profile") profile = true;
    else if ((ALL as string[]).includes(a)) benches.push(a as Bench);
    else throw new Error(`unknown argument ${a} (benches: ${ALL.join(", ")})`);
    return true;
  });
  return { ...o, benches: benches.length ? benches : DEFAULT, profile };
}

const f0 = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : "–");
const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : "–");

function httpTable(rows: HttpRow[]): string {
  const head =
    "| engine | route | req/s | health req/s | ratio | p50 ms | p99 ms | health p99 ms | p99 ratio | errors | target | result |\n" +
    "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|";
  const lines = rows.map((r) => {
    const c = r.comparison;
    return `| ${r.engine} | ${r.route} | ${f0(c.targetRps)} | ${f0(c.baselineRps)} | ${f2(c.rpsRatio)} | ${f0(c.targetP50)} | ${f0(c.targetP99)} | ${f0(c.baselineP99)} | ${f2(c.p99Ratio)} | ${c.targetErrors} | ${r.verdict.target} | ${r.verdict.pass ? "PASS" : `FAIL (${r.verdict.why.join("; ")})`} |`;
  });
  return [head, ...lines].join("\n");
}

function tallyTable(rows: TallyRow[]): string {
  const at = (b: number, n: number) => rows.find((r) => r.ballots === b && r.renderings === n);
  const head =
    `| renderings | ${BALLOT_COUNTS.map((b) => `${b / 1000}k ballots: ms (µs/ballot)`).join(" | ")} | µs/ballot ${BALLOT_COUNTS.at(-1)! / 1000}k ÷ ${BALLOT_COUNTS[0]! / 1000}k |\n` +
    `|---:|${BALLOT_COUNTS.map(() => "---:").join("|")}|---:|`;
  const lines = RENDERING_COUNTS.map((n) => {
    const cells = BALLOT_COUNTS.map((b) => {
      const r = at(b, n);
      return r ? `${r.ms.toFixed(1)} (${r.usPerBallot.toFixed(2)})` : "–";
    });
    const first = at(BALLOT_COUNTS[0]!, n);
    const last = at(BALLOT_COUNTS.at(-1)!, n);
    return `| ${n} | ${cells.join(" | ")} | ${first && last ? f2(last.usPerBallot / first.usPerBallot) : "–"} |`;
  });
  return [head, ...lines].join("\n");
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const log = (line: string) => console.error(line);
  const info = machine();
  const failures: string[] = [];
  let tallyRows: TallyRow[] = [];
  const httpRows: HttpRow[] = [];
  const skipped: string[] = [];

  if (args.benches.includes("tally")) {
    log("[tally] pure tally, median of 3–5 runs per size");
    tallyRows = runTallyBench(log);
  }

  const http = args.benches.filter((b): b is HttpBench => b !== "tally");
  if (http.length > 0) {
    ensureBuild(DIST_DIR, { force: args.build, log });
    const order = HTTP_BENCHES.filter((b) => http.includes(b));
    for (const engine of args.engines) {
      if (!(await benchEngine(engine, skipped, log))) continue;
      let serverNodeArgs: string[] | undefined;
      if (args.profile) {
        const dir = path.join(ROOT, "bench", "results", "profiles");
        mkdirSync(dir, { recursive: true });
        serverNodeArgs = ["--cpu-prof", `--cpu-prof-dir=${dir}`];
        log(`[${engine}] profiling the server into ${dir}`);
      }
      httpRows.push(...(await runEngine(engine, order, { distDir: DIST_DIR, measure: args.measure, serverNodeArgs, log })));
    }
  }

  // Report
  const out: string[] = [];
  out.push(`\n## Benchmarks ${info.date}`);
  out.push(`machine: ${info.cpus} CPUs (${info.cpu}), ${info.memoryGiB} GiB, Node ${info.node}; commit ${info.commit}`);
  if (httpRows.length) {
    const m = args.measure;
    out.push(`\nHTTP: ${m.connections} connections, warm-up ${m.warmup} s each, ${m.rounds} alternating rounds of ${m.duration} s; medians over rounds\n`);
    out.push(httpTable(httpRows));
    for (const r of httpRows) if (r.notes.length) out.push(`- ${r.engine} ${r.route}: ${r.notes.join("; ")}`);
    for (const r of httpRows) if (!r.verdict.pass) failures.push(`${r.engine} ${r.route}: ${r.verdict.why.join("; ")}`);
  }
  if (tallyRows.length) {
    const t = tallyTarget(tallyRows);
    out.push(`\nTally (pure, in-process): ms per tally (µs per ballot)\n`);
    out.push(tallyTable(tallyRows));
    out.push(
      `\ntally ${TALLY_TARGET.ballots / 1000}k ballots × ${TALLY_TARGET.renderings} renderings: ${t.ms.toFixed(0)} ms, target < ${TALLY_TARGET.ms} ms: ${t.pass ? "PASS" : "FAIL"}`,
    );
    if (!t.pass) failures.push(`tally: ${t.ms.toFixed(0)} ms ≥ ${TALLY_TARGET.ms} ms`);
  }
  for (const s of skipped) out.push(`\nSKIPPED: ${s} (not reachable)`);
  if (skipped.length && !args.explicitEngines) failures.push(`skipped: ${skipped.join(", ")}`);
  out.push(`\n${failures.length === 0 ? "ALL PASS" : `FAIL: ${failures.join(" | ")}`}`);
  console.log(out.join("\n"));

  writeFigures(info.date, args.benches.join("+"), { machine: info, measure: args.measure, http: httpRows, tally: tallyRows, failures, skipped }, log);
  if (args.strict && failures.length > 0) process.exit(1);
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});
