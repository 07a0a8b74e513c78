/**
 * CPU cost of the parts of the ballot and results paths, in-process, one call at a time (no
 * HTTP, no concurrency), to see what limits a route:
 *   tsx --conditions=react-server bench/tools/service-costs.ts [sqlite|postgresql]
 * Prints the median time per call. Absolute numbers move with the machine's load; compare
 * lines of one run with each other.
 */
import { castBallot } from "@/server/ballots/service";
import { actorFromApiToken } from "@/server/auth/api-tokens";
import { loadActor } from "@/server/auth/actor";
import { getResults } from "@/server/results/service";
import type { Engine } from "@/test/support/app";
import { GRADES } from "@/lib/tally/grades";
import { rng } from "../lib/dataset";
import { inProcessServices, timeCalls as time } from "../lib/in-process";

async function main() {
  const engine = (process.argv[2] ?? "sqlite") as Engine;
  const { db, dataset, close } = await inProcessServices(engine, "costs");
  const writers = dataset.writers;
  const ids = dataset.term.renderings;
  const body = (i: number) => ({ grades: Object.fromEntries(ids.map((id, k) => [id, GRADES[1 + ((i + k) % 5)]!])), note: `n${i}` });
  try {
    console.log(`${engine}: 20 renderings, 10,000 ballots`);
    await time("health: $queryRawUnsafe SELECT 1", 500, () => db.$queryRawUnsafe("SELECT 1"));
    await time("token check, first use in a minute (+ lastUsedAt write)", 500, (i) => actorFromApiToken(writers[i % writers.length]!.token));
    await time("token check, used within the minute", 500, (i) => actorFromApiToken(writers[i % writers.length]!.token));
    await time("  of which loadActor (user + delegation)", 500, (i) => loadActor(writers[i % writers.length]!.id, "token"));
    const actors = await Promise.all(writers.slice(0, 200).map((s) => loadActor(s.id, "token")));
    await time("castBallot (validate, look up, write, event, live event)", 1000, (i) => castBallot(actors[i % actors.length]!, "cso", body(i)));
    const random = rng(5);
    const randomBody = () => {
      const grades: Record<string, string> = {};
      const reasons: Record<string, string> = {};
      for (const id of ids) {
        const g = GRADES[Math.floor(random() * GRADES.length)]!;
        grades[id] = g;
        if (g === "reject") reasons[id] = "Benchmark: cannot live with this one.";
      }
      return { grades, reasons, note: "random" };
    };
    await time("castBallot, random ballots as the benchmark writes them", 2000, (i) => castBallot(actors[i % actors.length]!, "cso", randomBody()));
    await getResults("cso");
    await time("getResults, cached", 300, () => getResults("cso"));
    await time("castBallot alone (to subtract from the next line)", 200, (i) => castBallot(actors[i % actors.length]!, "cso", body(i)));
    await time("castBallot + getResults (a new version: computed from the cells)", 200, async (i) => {
      await castBallot(actors[i % actors.length]!, "cso", body(i + 1));
      return getResults("cso");
    });
  } finally {
    await close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
