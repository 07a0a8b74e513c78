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
import { ensureBuild } from "@/test/support/app";
import { benchEngine, parseBenchArgs, writeFigures } from "./lib/options";
import { runConference, type ConferenceOptions, type Figure } from "./lib/conference";
import { MAINTAINED_UPDATE_TARGET_MS, maintainedUpdateCpu } from "./lib/maintained-update";
import { machine } from "./lib/machine";

const DIST_DIR = ".next-bench";

function parseArgs(argv: string[]) {
  const own = { streams: 300, scholars: 20, thinkMs: 250, members: 100 };
  const { measure, warmupGiven, ...common } = parseBenchArgs(
    argv,
    (a, num) => {
      if (a === "--streams") own.streams = Math.max(1, Math.round(num()));
      else if (a === "--scholars") own.scholars = Math.max(1, Math.round(num()));
      else if (a === "--think-ms") own.thinkMs = num();
      else if (a === "--members") own.members = Math.max(1, Math.round(num()));
      else return false;
      return true;
    },
    { minConnections: 2 },
  );
  // A short run is a short run: the warm-up is no longer than a round unless asked for.
  if (!warmupGiven) measure.warmup = Math.min(measure.warmup, measure.duration);
  const o: Omit<ConferenceOptions, "log"> = { distDir: DIST_DIR, measure, ...own };
  return { ...common, o };
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
    if (!(await benchEngine(engine, skipped, log))) continue;
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

  writeFigures(info.date, "conference", { machine: info, options: args.o, figures, failures, skipped }, log);
  if (args.strict && failures.length > 0) process.exit(1);
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});
