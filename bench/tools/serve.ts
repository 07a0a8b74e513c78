/**
 * The built app on the benchmark's data, kept running for looking at by hand (curl, a browser,
 * a profiler): `tsx bench/tools/serve.ts [sqlite|postgresql]`. Prints the URL; Ctrl-C stops it
 * and drops the database. Builds into its own folder (.next-serve), so that it never waits for
 * or overwrites a benchmark's build.
 */
import { AppServer, createAppDatabase, ensureBuild, type Engine } from "@/test/support/app";
import { openSql } from "@/test/support/raw-sql";
import { DEFAULT_DATASET, prepareDataset } from "../lib/dataset";

async function main() {
  const engine = (process.argv[2] ?? "sqlite") as Engine;
  ensureBuild(".next-serve");
  const database = await createAppDatabase(engine, "serve");
  const server = await AppServer.start({ distDir: ".next-serve", database });
  const sql = await openSql(database.config);
  await prepareDataset(sql, DEFAULT_DATASET);
  await sql.close();
  console.log(`serving the benchmark data on ${engine}: ${server.url}`);
  let printed = server.allLogs().length;
  setInterval(() => {
    const logs = server.allLogs();
    if (logs.length > printed) process.stdout.write(logs.slice(printed));
    printed = logs.length;
  }, 1000).unref();
  const stop = async () => {
    await server.stop();
    await database.drop();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
