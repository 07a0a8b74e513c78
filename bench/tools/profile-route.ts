/**
 * CPU profile of the server under one load only (no baseline rounds), for finding what limits
 * a route: `tsx bench/tools/profile-route.ts ballots|results|page|health|mixed [sqlite|postgresql] [seconds]`
 * (mixed: results reads on 25 connections while ballots are written on 25, as bench:conference (a)/(b)).
 * Writes the profile to bench/results/profiles/ and prints a summary.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { AppServer, ROOT, createAppDatabase, ensureBuild, type Engine } from "@/test/support/app";
import { openSql } from "@/test/support/raw-sql";
import { DEFAULT_DATASET, prepareDataset } from "../lib/dataset";
import { ballotWrites } from "../lib/http";
import { load, type Load } from "../lib/measure";

async function main() {
  const [which = "ballots", engine = "sqlite", seconds = "10"] = process.argv.slice(2);
  // Its own build, with the server's function names kept (not minified) so profiles name them.
  process.env.NEXT_SERVER_MINIFY = "0";
  const distDir = ".next-profile";
  ensureBuild(distDir);
  const dir = path.join(ROOT, "bench", "results", "profiles");
  mkdirSync(dir, { recursive: true });
  const database = await createAppDatabase(engine as Engine, "profile");
  const server = await AppServer.start({ distDir, database, nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${dir}`] });
  try {
    const sql = await openSql(database.config);
    const dataset = await prepareDataset(sql, DEFAULT_DATASET);
    await sql.close();
    const target: Load =
      which === "ballots"
        ? ballotWrites(dataset)
        : which === "results"
          ? { name: "results", path: "/api/terms/cso/results" }
          : which === "health"
            ? { name: "health", path: "/api/health" }
            : { name: "page", path: "/terms/cso" };
    if (which === "mixed") {
      const reads: Load = { name: "results", path: "/api/terms/cso/results" };
      const writes = ballotWrites(dataset);
      await Promise.all([load(server.url, reads, 25, 2), load(server.url, writes, 25, 2)]);
      const [r, w] = await Promise.all([load(server.url, reads, 25, Number(seconds)), load(server.url, writes, 25, Number(seconds))]);
      for (const [name, x] of [["results reads", r], ["ballot writes", w]] as const)
        console.log(`${name} on ${engine}: ${x.rps.toFixed(0)} req/s, p50 ${x.p50} ms, p99 ${x.p99} ms, errors ${x.errors}`);
      const res = await fetch(`${server.url}/api/terms/cso/results`);
      console.log(`results after the load: ${((await res.arrayBuffer()).byteLength / 1024).toFixed(0)} KiB`);
    } else {
      await load(server.url, target, 50, 2);
      const r = await load(server.url, target, 50, Number(seconds));
      console.log(`${which} on ${engine}: ${r.rps.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, errors ${r.errors}`);
    }
  } finally {
    await server.stop();
    await database.drop();
  }
  const newest = readdirSync(dir)
    .map((f) => path.join(dir, f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  if (newest) {
    console.log(`profile: ${path.relative(ROOT, newest)}`);
    console.log(execFileSync(process.execPath, [path.join(ROOT, "bench/tools/profile-summary.mjs"), newest, "40"], { encoding: "utf8" }));
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
