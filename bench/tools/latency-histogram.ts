/**
 * Latency distribution of one route under load (which requests are slow, and how slow):
 *   tsx bench/tools/latency-histogram.ts ballots|results|page|health [sqlite|postgresql] [seconds]
 */
import autocannon from "autocannon";
import { AppServer, createAppDatabase, ensureBuild, type Engine } from "@/test/support/app";
import { openSql } from "@/test/support/raw-sql";
import { DEFAULT_DATASET, prepareDataset } from "../lib/dataset";
import { ballotWrites, HEALTH } from "../lib/http";
import type { Load } from "../lib/measure";

async function main() {
  const [which = "ballots", engine = "sqlite", seconds = "10"] = process.argv.slice(2);
  ensureBuild(".next-bench");
  const database = await createAppDatabase(engine as Engine, "hist");
  const server = await AppServer.start({ distDir: ".next-bench", database });
  try {
    const sql = await openSql(database.config);
    const dataset = await prepareDataset(sql, DEFAULT_DATASET);
    await sql.close();
    const target: Load =
      which === "ballots" ? ballotWrites(dataset) : which === "health" ? HEALTH : { name: which, path: which === "page" ? "/terms/cso" : "/api/terms/cso/results" };
    const times: number[] = [];
    const firsts: number[] = [];
    const seen = new WeakSet<object>();
    const run = (duration: number) => {
      const instance = autocannon({
        url: server.url,
        connections: 50,
        duration,
        requests: [{ method: target.method ?? "GET", path: target.path, headers: target.headers ?? {}, ...(target.setupRequest ? { setupRequest: target.setupRequest } : {}) }],
      });
      (instance as unknown as { on(e: string, f: (...a: unknown[]) => void): void }).on("response", (c, _s, _b, t) => {
        // Each connection's first response apart, as bench/lib/measure.ts does (why: see there).
        if (seen.has(c as object)) times.push(t as number);
        else {
          seen.add(c as object);
          firsts.push(t as number);
        }
      });
      return instance;
    };
    await run(3);
    times.length = 0;
    firsts.length = 0;
    await run(Number(seconds));
    times.sort((a, b) => a - b);
    const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(0);
    console.log(`${which} on ${engine}: ${times.length} responses; p50 ${q(0.5)} p90 ${q(0.9)} p99 ${q(0.99)} max ${q(1)} ms`);
    const buckets = [50, 100, 250, 500, 1000, 1500, 2000, 2500, 3000, 4000, 6000, 10000, Infinity];
    let from = 0;
    for (const b of buckets) {
      const n = times.filter((t) => t >= from && t < b).length;
      if (n) console.log(`  ${String(from).padStart(5)}–${String(b).padEnd(8)} ms: ${n}`);
      from = b;
    }
    console.log(`  each connection's first response (left out above): ${firsts.length}, max ${Math.max(...firsts).toFixed(0)} ms`);
    const p2028 = server.allLogs().match(/P2028/g)?.length ?? 0;
    console.log(`  P2028 in the server log: ${p2028}`);
  } finally {
    await server.stop();
    await database.drop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
