/**
 * The parts of one results computation (server/results/service.ts `compute`), in-process, on
 * the benchmark data set: what a results read pays at each new tally version.
 *   tsx --conditions=react-server bench/tools/compute-costs.ts [sqlite|postgresql]
 */
import { db } from "@/server/db/client";
import { getResults } from "@/server/results/service";
import { readCells } from "@/server/results/cells";
import { countsFromCells, resultsFromCells } from "@/lib/tally/cells";
import { resultsFromCounts } from "@/lib/tally/tally";
import type { Engine } from "@/test/support/app";
import { inProcessServices, timeCalls as time } from "../lib/in-process";

async function main() {
  const engine = (process.argv[2] ?? "sqlite") as Engine;
  const { dataset, close } = await inProcessServices(engine, "compute");
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
    await close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
