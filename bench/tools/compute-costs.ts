/**
 * The parts of one results computation (server/results/service.ts `compute`), in-process, on
 * the benchmark data set: what a results read pays at each new tally version.
 *   tsx --conditions=react-server bench/tools/compute-costs.ts [sqlite|postgresql]
 */
import { randomBytes } from "node:crypto";
import { createDb, setDb, db } from "@/server/db/client";
import { migrate } from "@/server/db/migrate";
import { seed } from "@/server/seed/seed";
import { getResults } from "@/server/results/service";
import { readCells } from "@/server/results/cells";
import { countsFromCells, resultsFromCells } from "@/lib/tally/cells";
import { resultsFromCounts } from "@/lib/tally/tally";
import { createAppDatabase, type Engine } from "@/test/support/app";
import { openSql } from "@/test/support/raw-sql";
import { DEFAULT_DATASET, prepareDataset } from "../lib/dataset";
import { median } from "../lib/measure";

async function time(label: string, n: number, f: () => unknown) {
  for (let i = 0; i < 20; i++) await f();
  const ts: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint();
    await f();
    ts.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  console.log(`${label.padEnd(50)} median ${median(ts).toFixed(3)} ms  (n=${n})`);
}

async function main() {
  const engine = (process.argv[2] ?? "sqlite") as Engine;
  const database = await createAppDatabase(engine, "compute");
  process.env.DATA_DIR = database.dataDir;
  process.env.DATABASE_URL = database.databaseUrl;
  process.env.NEXTAUTH_SECRET = randomBytes(32).toString("hex");
  await migrate(database.config);
  setDb(createDb(database.config));
  await seed(db());
  const sql = await openSql(database.config);
  const dataset = await prepareDataset(sql, DEFAULT_DATASET);
  await sql.close();
  try {
    const results = await getResults("cso");
    const term = await db().term.findUniqueOrThrow({ where: { slug: "cso" }, select: { id: true } });
    const findRenderings = () =>
      db().rendering.findMany({ where: { termId: term.id, status: "active" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, text: true, createdAt: true } });
    const renderings = (await findRenderings()).map((r) => ({ id: r.id, text: r.text, createdAt: r.createdAt.toISOString() }));
    const cells = await readCells(term.id);
    const counts = countsFromCells(cells, renderings.map((r) => r.id));
    console.log(`${engine}: ${dataset.options.ballots} ballots, ${renderings.length} renderings, ${cells.length} cells, results JSON ${(JSON.stringify(results).length / 1024).toFixed(1)} KiB`);
    await time("renderings (Prisma findMany)", 200, findRenderings);
    await time("readCells (direct SQL + unpack)", 200, () => readCells(term.id));
    await time("countsFromCells", 200, () => countsFromCells(cells, renderings.map((r) => r.id)));
    await time("resultsFromCounts (medians, Schulze, robustness, explanation)", 200, () => resultsFromCounts("cso", renderings, counts));
    await time("resultsFromCells", 200, () => resultsFromCells("cso", renderings, cells));
    await time("JSON.stringify + encode", 200, () => new TextEncoder().encode(JSON.stringify(results)));
  } finally {
    await db().$disconnect();
    await database.drop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
