/**
 * `npm run bench:conference` (issue 12): a conference grading while it watches, on each engine,
 * with PASS/FAIL against the issue's targets. See bench/lib/conference.ts and docs/benchmarks.md.
 *
 * Options:
 *   --engine sqlite|postgresql   only this engine (repeatable; default both)
 *   --duration S --rounds N --warmup S --connections N   measurement (default 6 s × 3 rounds, 3 s, 50;
 *                                the warm-up is at most --duration unless given)
 *   --streams N --scholars N --think-ms MS   (d): open streams (300), grading scholars (20), pause (250)
 *   --members N                  (c): distinct signed-in members (100)
 *   --build                      rebuild .next-bench even if it is newer than the sources
 *   --strict                     exit 1 when a target is missed (or an engine was skipped)
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ENGINES, ROOT, ensureBuild, postgresReachable, PG_ADMIN_URL, type Engine } from "@/test/faults/support/server";
import { DEFAULT_MEASURE } from "./lib/measure";
import { runConference, type ConferenceOptions, type Figure } from "./lib/conference";
import { MAINTAINED_UPDATE_TARGET_MS, maintainedUpdateCpu } from "./lib/maintained-update";
import { machine } from "./lib/machine";

const DIST_DIR = ".next-bench";

function parseArgs(argv: string[]) {
  const engines: Engine[] = [];
  const o: Omit<ConferenceOptions, "log"> = { distDir: DIST_DIR, measure: { ...DEFAULT_MEASURE }, streams: 300, scholars: 20, thinkMs: 250, members: 100 };
  let build = false;
  let strict = false;
  let warmupGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const num = () => {
      const v = Number(argv[++i]);
      if (!Number.isFinite(v) || v < 0) throw new Error(`${a} needs a number`);
      return v;
    };
    if (a === "--build") build = true;
    else if (a === "--strict") strict = true;
    else if (a === "--engine") {
      const e = argv[++i] as Engine;
      if (!ENGINES.includes(e)) throw new Error(`--engine: one of ${ENGINES.join(", ")}`);
      engines.push(e);
    } else if (a === "--rounds") o.measure.rounds = Math.max(1, Math.round(num()));
    else if (a === "--duration") o.measure.duration = num();
    else if (a === "--warmup") {
      o.measure.warmup = num();
      warmupGiven = true;
    }
    else if (a === "--connections") o.measure.connections = Math.max(2, Math.round(num()));
    else if (a === "--streams") o.streams = Math.max(1, Math.round(num()));
    else if (a === "--scholars") o.scholars = Math.max(1, Math.round(num()));
    else if (a === "--think-ms") o.thinkMs = num();
    else if (a === "--members") o.members = Math.max(1, Math.round(num()));
    else throw new Error(`unknown argument ${a}`);
  }
  // A short run is a short run: the warm-up is no longer than a round unless asked for.
  if (!warmupGiven) o.measure.warmup = Math.min(o.measure.warmup, o.measure.duration);
  return { engines: engines.length ? engines : ENGINES, explicitEngines: engines.length > 0, o, build, strict };
}

function table(figures: Figure[]): string {
  const head = "| engine | figure | measured | target | result |\n|---|---|---|---|---|";
  const lines = figures.map((f) => `| ${f.engine} | (${f.id}) ${f.what} | ${f.measured} | ${f.target} | ${f.pass ? "PASS" : `FAIL (${f.why.join("; ")})`} |`);
  return [head, ...lines].join("\n");
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const log = (line: string) => console.error(line);
  const info = machine();
  const figures: Figure[] = [];
  const skipped: string[] = [];

  const cpu = maintainedUpdateCpu();
  log(`[in-process] maintained update of one ballot, 20 renderings: ${(cpu.msPerUpdate * 1000).toFixed(1)} µs CPU (${cpu.cells.toFixed(0)} cells)`);
  figures.push({
    engine: "in-process",
    id: "cpu",
    what: "maintained update of one ballot, 20 renderings (ballotDelta)",
    measured: `${cpu.msPerUpdate.toFixed(3)} ms CPU (${cpu.cells.toFixed(0)} cells; batches ${cpu.batches.map((b) => b.toFixed(3)).join(" / ")})`,
    target: `≤ ${MAINTAINED_UPDATE_TARGET_MS} ms`,
    pass: cpu.msPerUpdate <= MAINTAINED_UPDATE_TARGET_MS,
    why: cpu.msPerUpdate <= MAINTAINED_UPDATE_TARGET_MS ? [] : [`${cpu.msPerUpdate.toFixed(3)} ms > ${MAINTAINED_UPDATE_TARGET_MS} ms`],
  });

  ensureBuild(DIST_DIR, { force: args.build, log });
  for (const engine of args.engines) {
    if (engine === "postgresql" && !(await postgresReachable())) {
      log(`\n!!! SKIPPING PostgreSQL: not reachable at ${PG_ADMIN_URL} (set TEST_PG_URL) !!!\n`);
      skipped.push("postgresql");
      continue;
    }
    try {
      figures.push(...(await runConference(engine, { ...args.o, log })));
    } catch (e) {
      // One engine's failure is reported as such; the other engine's figures are kept.
      log(`[${engine}] the run stopped: ${(e as Error).stack ?? String(e)}`);
      figures.push({ engine, id: "run", what: "the benchmark itself", measured: (e as Error).message.split("\n")[0]!, target: "completes", pass: false, why: ["the run stopped"] });
    }
  }

  const m = args.o.measure;
  const failures = figures.filter((f) => !f.pass).map((f) => `${f.engine} (${f.id}): ${f.why.join("; ")}`);
  if (skipped.length && !args.explicitEngines) failures.push(`skipped: ${skipped.join(", ")}`);
  const out = [
    `\n## bench:conference ${info.date}`,
    `machine: ${info.cpus} CPUs (${info.cpu}), ${info.memoryGiB} GiB, Node ${info.node}; commit ${info.commit}`,
    `HTTP: ${m.connections} connections (halves when two loads share them), warm-up ${m.warmup} s, ${m.rounds} alternating rounds of ${m.duration} s, medians over rounds; ` +
      `(d) ${args.o.streams} streams, ${args.o.scholars} scholars pausing ~${args.o.thinkMs} ms; (c) ${args.o.members} members\n`,
    table(figures),
    ...skipped.map((s) => `\nSKIPPED: ${s} (not reachable)`),
    `\n${failures.length === 0 ? "ALL PASS" : `FAIL: ${failures.join(" | ")}`}`,
  ];
  console.log(out.join("\n"));

  const dir = path.join(ROOT, "bench", "results");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${info.date.replace(/[:]/g, "-")}-conference.json`);
  writeFileSync(file, JSON.stringify({ machine: info, options: args.o, figures, failures, skipped }, null, 2));
  log(`\nfigures written to ${path.relative(ROOT, file)}`);
  if (args.strict && failures.length > 0) process.exit(1);
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});
