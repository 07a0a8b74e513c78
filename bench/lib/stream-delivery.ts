/**
 * Figure (d) of bench:conference: open event streams while scholars grade; how long after a
 * save's acknowledgement its event reaches every stream, and what the streams cost health.
 */
import path from "node:path";
import { Worker } from "node:worker_threads";
import { settle } from "./measure";
import { rng, type Dataset } from "./dataset";
import { percentile } from "./maintained-update";
import { sleep, type Engine } from "@/test/support/app";
import type { Sql } from "@/test/support/raw-sql";
import { f0, f2, verdict } from "./verdict";
import type { ConferenceOptions, Figure } from "./conference";

/** Sequential health checks for `ms`, a short pause between them: their latencies (a failure counts as the time it took). */
async function probeHealth(url: string, ms: number): Promise<{ latencies: number[]; failures: number }> {
  const latencies: number[] = [];
  let failures = 0;
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const t = performance.now();
    const controller = new AbortController();
    try {
      const status = await Promise.race([
        fetch(`${url}/api/health`, { signal: controller.signal }).then(async (r) => (await r.arrayBuffer(), r.status)),
        sleep(15_000).then(() => 0),
      ]);
      if (status !== 200) failures++;
    } catch {
      failures++;
    } finally {
      controller.abort();
    }
    latencies.push(performance.now() - t);
    await sleep(10);
  }
  return { latencies, failures };
}

type Ack = { at: number; updatedAt: string };

/**
 * (d): `streams` open event streams (a worker thread of plain HTTP clients) while `scholars`
 * save ballots one after another with a pause. For each acknowledged save, the time from its
 * 200 to its event's arrival on each stream. The event of a save is found by the time the save
 * stamps on both the ballot it returns (`updatedAt`) and the TermEvent row (`createdAt`); when
 * several saves share a millisecond, the latest arrival of any of them counts (conservative).
 */
export async function streamDelivery(engine: Engine, url: string, sql: Sql, dataset: Dataset, o: ConferenceOptions): Promise<Figure> {
  const ms = Math.max(2, o.measure.duration) * 1000;
  o.log(`[${engine}] (d) health alone for ${ms / 1000} s, then ${o.streams} streams while ${o.scholars} scholars grade (pause ~${o.thinkMs} ms)`);
  await settle(url);
  const idleProbe = await probeHealth(url, ms);
  const idle = idleProbe.latencies;

  const worker = new Worker(path.join(__dirname, "stream-clients.mjs"), {
    workerData: { url: `${url}/api/terms/cso/events`, count: o.streams },
    execArgv: [],
  });
  let progress = { ready: 0, failed: 0, errors: [] as string[] };
  const replies: ((m: unknown) => void)[] = [];
  worker.on("message", (m: { type: string } & Record<string, unknown>) => {
    if (m.type === "progress") progress = m as unknown as typeof progress;
    else replies.shift()?.(m);
  });
  const ask = <T>(msg: string) => new Promise<T>((resolve) => {
    replies.push(resolve as (m: unknown) => void);
    worker.postMessage(msg);
  });
  const opened = Date.now();
  while (progress.ready + progress.failed < o.streams && Date.now() - opened < 60_000) await sleep(50);
  o.log(`  ${progress.ready} streams open in ${Date.now() - opened} ms${progress.failed ? `, ${progress.failed} failed: ${progress.errors.join("; ")}` : ""}`);

  const termId = dataset.term.id;
  const [{ n: startId }] = await sql.all<{ n: number | null }>(`SELECT MAX(id) AS n FROM "TermEvent" WHERE "termId" = ?`, [termId]) as [{ n: number | null }];
  const acks: Ack[] = [];
  const writeCodes: Record<string, number> = {};
  const random = rng(53);
  const scholars = dataset.writers.slice(-Math.max(1, o.scholars));
  const end = Date.now() + ms;
  const writer = async (s: (typeof scholars)[number]) => {
    while (Date.now() < end) {
      const grades: Record<string, string> = {};
      for (const id of dataset.term.renderings) grades[id] = ["excellent", "very_good", "good", "acceptable", "poor"][Math.floor(random() * 5)]!;
      try {
        const r = await fetch(`${url}/api/terms/cso/ballot`, {
          method: "PUT",
          headers: { authorization: `Bearer ${s.token}`, "content-type": "application/json" },
          body: JSON.stringify({ grades }),
          signal: AbortSignal.timeout(30_000),
        });
        const text = await r.text();
        const at = performance.timeOrigin + performance.now();
        writeCodes[r.status] = (writeCodes[r.status] ?? 0) + 1;
        if (r.status === 200) acks.push({ at, updatedAt: (JSON.parse(text) as { updatedAt: string }).updatedAt });
      } catch {
        writeCodes.error = (writeCodes.error ?? 0) + 1;
      }
      await sleep(o.thinkMs * (0.5 + random()));
    }
  };
  const [duringProbe] = await Promise.all([probeHealth(url, ms), ...scholars.map(writer)]);
  const during = duringProbe.latencies;

  // Let the last events reach every stream (or give up after 10 s: those count as undelivered).
  const rows = await sql.all<{ id: number | string; at: unknown }>(
    sql.engine === "postgresql"
      ? `SELECT id, to_char("createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at FROM "TermEvent" WHERE "termId" = ? AND type = 'ballot' AND id > ?`
      : `SELECT id, "createdAt" AS at FROM "TermEvent" WHERE "termId" = ? AND type = 'ballot' AND id > ?`,
    [termId, startId ?? 0],
  );
  const lastEvent = Math.max(0, ...rows.map((r) => Number(r.id)));
  const drainFrom = Date.now();
  while (Date.now() - drainFrom < 10_000) {
    const { min } = await ask<{ min: number }>("lastIds");
    if (min >= lastEvent) break;
    await sleep(100);
  }
  const { arrivals } = await ask<{ arrivals: [number, number][][] }>("stop");
  await worker.terminate().catch(() => 0);

  const eventsAt = new Map<number, number[]>();
  for (const r of rows) {
    const t = typeof r.at === "number" ? r.at : Date.parse(String(r.at));
    const list = eventsAt.get(t) ?? [];
    list.push(Number(r.id));
    eventsAt.set(t, list);
  }
  const byStream = arrivals.map((list) => new Map(list));
  const latencies: number[] = [];
  const worstPerBallot: number[] = [];
  let unmatched = 0;
  let undelivered = 0;
  for (const ack of acks) {
    const ids = eventsAt.get(Date.parse(ack.updatedAt));
    if (!ids) {
      unmatched++;
      continue;
    }
    let worst = 0;
    for (const stream of byStream) {
      const times = ids.map((id) => stream.get(id));
      if (times.some((t) => t === undefined)) {
        undelivered++;
        worst = Number.POSITIVE_INFINITY;
        continue;
      }
      const latency = Math.max(0, Math.max(...(times as number[])) - ack.at);
      latencies.push(latency);
      worst = Math.max(worst, latency);
    }
    worstPerBallot.push(worst);
  }
  const p99 = percentile(latencies, 0.99);
  const idleP99 = percentile(idle, 0.99);
  const duringP99 = percentile(during, 0.99);
  const healthRatio = duringP99 / Math.max(1, idleP99);
  const rate = acks.length / (ms / 1000);
  const result = verdict([
    [progress.ready === o.streams, `${o.streams - progress.ready} streams did not open`],
    [p99 <= 1000, `delivery p99 ${f0(p99)} ms > 1000 ms`],
    [healthRatio <= 3, `health p99 ${f2(healthRatio)}x > 3x idle`],
    [duringProbe.failures + idleProbe.failures === 0, `${duringProbe.failures + idleProbe.failures} health checks failed`],
    [undelivered === 0, `${undelivered} (ballot, stream) pairs never delivered`],
    [unmatched === 0, `${unmatched} acks without an event`],
    [acks.length > 0, "no ballot acknowledged"],
  ]);
  o.log(`  ${acks.length} saves acknowledged (${rate.toFixed(0)}/s), write answers ${JSON.stringify(writeCodes)}; delivery p50 ${f0(percentile(latencies, 0.5))} ms p99 ${f0(p99)} ms max ${f0(Math.max(0, ...latencies))} ms; health p99 idle ${f0(idleP99)} ms, meanwhile ${f0(duringP99)} ms`);
  return {
    engine,
    id: "d",
    what: `${o.streams} event streams while ${o.scholars} scholars grade`,
    measured:
      `ack → event on every stream: p99 ${f0(p99)} ms (p50 ${f0(percentile(latencies, 0.5))}, worst stream per ballot p99 ${f0(percentile(worstPerBallot, 0.99))}) over ${acks.length} saves (${rate.toFixed(0)}/s) × ${progress.ready} streams; ` +
      `health p99 ${f0(duringP99)} ms = ${f2(healthRatio)}x idle (${f0(idleP99)} ms)`,
    target: "p99 ≤ 1 s; health p99 ≤ 3x idle",
    ...result,
    details: { acks: acks.length, writeCodes, unmatched, undelivered, p99, idleP99, duringP99, healthSamples: { idle: idle.length, during: during.length, failures: duringProbe.failures + idleProbe.failures } },
  };
}

