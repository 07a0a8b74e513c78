/**
 * The HTTP benchmarks (ballot writes, results reads, term page) against one built server per
 * database engine, each compared with GET /api/health of the same server.
 */
import type { Request } from "autocannon";
import { AppServer, createAppDatabase, type Engine } from "@/test/support/app";
import { openSql } from "@/test/support/raw-sql";
import { sessionCookie } from "@/test/support/http";
import { GRADES } from "@/lib/tally/grades";
import { compare, type Comparison, type Load, type MeasureOptions } from "./measure";
import { DEFAULT_DATASET, prepareDataset, rng, type Dataset } from "./dataset";

export type HttpBench = "results" | "page" | "member-page" | "ballots" | "mixed";
export const HTTP_BENCHES: HttpBench[] = ["results", "page", "member-page", "ballots", "mixed"];

export type Verdict = { pass: boolean; target: string; why: string[] };

export type HttpRow = {
  engine: Engine;
  bench: HttpBench;
  route: string;
  comparison: Comparison;
  verdict: Verdict;
  /** Extra facts (payload size, cold recount time). */
  notes: string[];
};

export const HEALTH: Load = { name: "GET /api/health", path: "/api/health" };

/** Targets of issue 7. The member's page has none: it is measured to show what it costs. */
export function judge(bench: HttpBench, c: Comparison): Verdict {
  const why: string[] = [];
  if (bench === "member-page") return { pass: true, target: "none (informational)", why };
  if (bench === "mixed") {
    // Issue 12: results reads while ballots are written, and the writes meanwhile.
    if (!(c.rpsRatio >= 0.5)) why.push(`reads ${c.rpsRatio.toFixed(2)}x < 0.5x`);
    const w = c.during;
    if (!w || !(w.rpsRatio >= 0.3)) why.push(`writes ${w?.rpsRatio.toFixed(2) ?? "?"}x < 0.3x`);
    if (w && !(w.p99Ratio <= 10)) why.push(`writes p99 ${w.p99Ratio.toFixed(1)}x > 10x`);
    if (c.targetErrors !== 0 || (w?.errors ?? 0) !== 0) why.push(`${c.targetErrors + (w?.errors ?? 0)} errors`);
    return { pass: why.length === 0, target: "reads ≥ 0.5x and writes ≥ 0.3x (p99 ≤ 10x) at once, 0 errors", why };
  }
  if (bench === "ballots") {
    if (!(c.rpsRatio >= 0.3)) why.push(`throughput ${c.rpsRatio.toFixed(2)}x < 0.3x`);
    if (!(c.p99Ratio <= 10)) why.push(`p99 ${c.p99Ratio.toFixed(1)}x > 10x`);
    if (c.targetErrors !== 0) why.push(`${c.targetErrors} errors`);
    return { pass: why.length === 0, target: "≥ 0.3x, p99 ≤ 10x, 0 errors", why };
  }
  if (!(c.rpsRatio >= 0.5)) why.push(`throughput ${c.rpsRatio.toFixed(2)}x < 0.5x`);
  if (c.targetErrors !== 0) why.push(`${c.targetErrors} errors`);
  return { pass: why.length === 0, target: "≥ 0.5x", why };
}

/** A different scholar for every request (round robin over the 1,000), a fresh random ballot. */
export function ballotWrites(dataset: Dataset, seed = 11): Load {
  const random = rng(seed);
  const { writers, term } = dataset;
  let next = 0;
  return {
    name: "PUT /api/terms/cso/ballot",
    method: "PUT",
    path: "/api/terms/cso/ballot",
    setupRequest: (req: Request) => {
      const w = writers[next++ % writers.length]!;
      const grades: Record<string, string> = {};
      const reasons: Record<string, string> = {};
      for (const id of term.renderings) {
        const g = GRADES[Math.floor(random() * GRADES.length)]!;
        grades[id] = g;
        if (g === "reject") reasons[id] = "Benchmark: cannot live with this one.";
      }
      return {
        ...req,
        headers: { ...req.headers, authorization: `Bearer ${w.token}`, "content-type": "application/json" },
        body: JSON.stringify({ grades, reasons, note: `revision ${next}` }),
      };
    },
  };
}

export type EngineRunOptions = {
  distDir: string;
  measure: MeasureOptions;
  serverNodeArgs?: string[];
  log: (line: string) => void;
};

export async function runEngine(engine: Engine, benches: HttpBench[], o: EngineRunOptions): Promise<HttpRow[]> {
  const database = await createAppDatabase(engine, "bench");
  let server: AppServer | undefined;
  const rows: HttpRow[] = [];
  try {
    const t0 = Date.now();
    server = await AppServer.start({ distDir: o.distDir, database, nodeArgs: o.serverNodeArgs });
    o.log(`[${engine}] server up in ${Date.now() - t0} ms (pid ${server.pid}, ${server.url})`);
    const sql = await openSql(database.config);
    const t1 = Date.now();
    const dataset = await prepareDataset(sql, DEFAULT_DATASET);
    await sql.close();
    o.log(
      `[${engine}] data: ${dataset.term.renderings.length} renderings, ${dataset.options.ballots} ballots, ` +
        `${dataset.writers.length} writers with tokens, in ${Date.now() - t1} ms`,
    );

    // Cold recount: the first read after the bulk insert recomputes the cached tally.
    const t2 = Date.now();
    const res = await fetch(`${server.url}/api/terms/cso/results`);
    const body = await res.text();
    const coldMs = Date.now() - t2;
    if (res.status !== 200) throw new Error(`GET results answered ${res.status}: ${body.slice(0, 500)}`);
    const voters = (JSON.parse(body) as { voters: number }).voters;
    if (voters !== dataset.options.ballots) throw new Error(`results count ${voters} voters, expected ${dataset.options.ballots}`);
    const resultsNote = `cold recount of ${voters} ballots: ${coldMs} ms; payload ${(body.length / 1024).toFixed(0)} KiB`;
    o.log(`[${engine}] ${resultsNote}`);

    for (const bench of benches) {
      let target: Load;
      const notes: string[] = [];
      if (bench === "results") {
        target = { name: "GET /api/terms/cso/results", path: "/api/terms/cso/results" };
        notes.push(resultsNote);
      } else if (bench === "page") {
        target = { name: "GET /terms/cso", path: "/terms/cso", headers: { accept: "text/html" } };
        const page = await fetch(`${server.url}/terms/cso`);
        notes.push(`HTML ${((await page.text()).length / 1024).toFixed(0)} KiB`);
      } else if (bench === "member-page") {
        // A signed-in scholar gets the same cached copy (decision 015); their own parts come from
        // GET /api/terms/cso/viewer, which `bench:conference` (c) counts with the page.
        const cookie = await sessionCookie(dataset.writers[0]!.id);
        target = { name: "GET /terms/cso, signed in", path: "/terms/cso", headers: { accept: "text/html", cookie } };
        const page = await fetch(`${server.url}/terms/cso`, { headers: { cookie } });
        const html = await page.text();
        const viewer = await fetch(`${server.url}/api/terms/cso/viewer`, { headers: { cookie } });
        const me = viewer.ok ? ((await viewer.json()) as { actor?: { id?: string } | null }).actor : null;
        if (me?.id !== dataset.writers[0]!.id) notes.push(`warning: the viewer read (${viewer.status}) does not name the signed-in scholar; is the session accepted?`);
        notes.push(`HTML ${(html.length / 1024).toFixed(0)} KiB`);
      } else if (bench === "mixed") {
        // Half the connections read the results while the other half write ballots.
        const half = Math.max(1, Math.round(o.measure.connections / 2));
        target = {
          name: `GET /api/terms/cso/results while PUT ballot (${half} + ${half} connections)`,
          path: "/api/terms/cso/results",
          during: { load: ballotWrites(dataset, 23), connections: half },
        };
      } else {
        target = ballotWrites(dataset);
      }
      o.log(`[${engine}] ${target.name} vs ${HEALTH.name}: ${o.measure.rounds} rounds of ${o.measure.duration} s, ${o.measure.connections} connections`);
      const connections = bench === "mixed" ? Math.max(1, Math.round(o.measure.connections / 2)) : o.measure.connections;
      const comparison = await compare(server.url, HEALTH, target, { ...o.measure, connections, log: o.log });
      if (comparison.during) {
        notes.push(`ballot writes meanwhile: ${comparison.during.rpsRatio.toFixed(2)}x health, p99 ${comparison.during.p99Ratio.toFixed(1)}x health's`);
      }
      if (server.exit) throw new Error(`the server died (${JSON.stringify(server.exit)}) during ${target.name}:\n${server.logs()}`);
      if (comparison.targetErrors > 0) notes.push(`status codes: ${JSON.stringify(comparison.targetStatusCodes)}`);
      rows.push({ engine, bench, route: target.name, comparison, verdict: judge(bench, comparison), notes });
    }
    const crashes = server.allLogs().match(/\[api\] unexpected error[^\n]*/g);
    if (crashes) o.log(`[${engine}] server logged ${crashes.length} unexpected errors, first: ${crashes[0]}`);
  } finally {
    await server?.stop();
    await database.drop();
  }
  return rows;
}
