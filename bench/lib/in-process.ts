/**
 * For the in-process cost tools (bench/tools/service-costs.ts, compute-costs.ts): the app's
 * services on a fresh database of the benchmark data set, without a server, and a timer of calls.
 */
import { randomBytes } from "node:crypto";
import { createDb, setDb, type Db } from "@/server/db/client";
import { migrate } from "@/server/db/migrate";
import { seed } from "@/server/seed/seed";
import { createAppDatabase, type Engine } from "@/test/support/app";
import { openSql } from "@/test/support/raw-sql";
import { DEFAULT_DATASET, prepareDataset, type Dataset } from "./dataset";
import { median } from "./measure";

/** A migrated, seeded database with the benchmark data set, installed as the process's client. */
export async function inProcessServices(engine: Engine, label: string): Promise<{ db: Db; dataset: Dataset; close: () => Promise<void> }> {
  const database = await createAppDatabase(engine, label);
  process.env.DATA_DIR = database.dataDir;
  process.env.DATABASE_URL = database.databaseUrl;
  process.env.NEXTAUTH_SECRET = randomBytes(32).toString("hex");
  await migrate(database.config);
  const db = createDb(database.config);
  setDb(db);
  await seed(db);
  const sql = await openSql(database.config);
  const dataset = await prepareDataset(sql, DEFAULT_DATASET);
  await sql.close();
  return {
    db,
    dataset,
    close: async () => {
      await db.$disconnect();
      await database.drop();
    },
  };
}

/** Calls `f` n times after a warm-up, one at a time, and prints the median and mean time per call. */
export async function timeCalls(label: string, n: number, f: (i: number) => unknown): Promise<void> {
  for (let i = 0; i < Math.min(50, n); i++) await f(i);
  const ts: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint();
    await f(i);
    ts.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  const mean = ts.reduce((a, b) => a + b, 0) / ts.length;
  console.log(`${label.padEnd(56)} median ${median(ts).toFixed(3)} ms, mean ${mean.toFixed(3)} ms  (n=${n})`);
}
