/**
 * Ratios, not absolute numbers: a target route and a baseline route (GET /api/health) of the
 * same server are loaded in alternating rounds (baseline, target, baseline, target, ...) after
 * a warm-up, and each target round is compared with the baseline round just before it. The
 * reported ratio is the median over rounds, so a burst of noise from the shared machine moves
 * one round, not the result.
 */
import autocannon, { type Request, type Result } from "autocannon";

export type Load = {
  name: string;
  method?: "GET" | "PUT" | "POST";
  path: string;
  headers?: Record<string, string>;
  /** Called for every request: a different scholar, a different body. */
  setupRequest?: (req: Request) => Request;
  /** Another load run at the same time as this one's rounds (a conference grading while it reads). */
  during?: { load: Load; connections: number };
};

export type RoundStats = {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  max: number;
  /** Connection errors, timeouts and non-2xx answers. */
  errors: number;
  statusCodes: Record<string, number>;
};

export type Comparison = {
  baseline: RoundStats[];
  target: RoundStats[];
  /** Median over rounds of target req/s ÷ baseline req/s of the round before. */
  rpsRatio: number;
  /** Median over rounds of target p99 ÷ baseline p99. */
  p99Ratio: number;
  /** Medians over rounds. */
  baselineRps: number;
  targetRps: number;
  targetP50: number;
  targetP99: number;
  baselineP99: number;
  /** Sum over measured rounds (warm-up excluded). */
  targetErrors: number;
  baselineErrors: number;
  targetStatusCodes: Record<string, number>;
  /** The load run during the target's rounds, if any: its rounds, and its req/s ÷ the baseline's. */
  during?: { rounds: RoundStats[]; rpsRatio: number; p99Ratio: number; errors: number };
};

export type MeasureOptions = {
  connections: number;
  /** Seconds per measured round. */
  duration: number;
  rounds: number;
  /** Seconds of warm-up for each of baseline and target. */
  warmup: number;
  log?: (line: string) => void;
};

export const DEFAULT_MEASURE: MeasureOptions = { connections: 50, duration: 6, rounds: 3, warmup: 3 };

/**
 * One round of load. Latency percentiles leave out each connection's first response: a round
 * opens its connections at once, and on a saturated server the later ones are accepted one by
 * one while the first ones already keep it busy, so their first requests wait up to seconds
 * (measured: about one connection per request time, health as much as any route). That is the
 * cost of opening 50 connections together, not of the route; left in, it sets the p99 of a
 * slower route's round (fewer requests, so the p99 falls among those few dozen) and not of a
 * faster one's. Throughput counts every answer.
 */
export async function load(baseUrl: string, spec: Load, connections: number, duration: number): Promise<RoundStats> {
  const request: Request = { method: spec.method ?? "GET", path: spec.path, headers: spec.headers ?? {} };
  if (spec.setupRequest) request.setupRequest = spec.setupRequest;
  const latencies: number[] = [];
  const seen = new WeakSet<object>();
  const instance = autocannon({ url: baseUrl, connections, duration, timeout: 30, requests: [request] });
  (instance as unknown as { on(e: "response", f: (client: object, status: number, bytes: number, ms: number) => void): void }).on(
    "response",
    (client, _status, _bytes, ms) => {
      if (seen.has(client)) latencies.push(ms);
      else seen.add(client);
    },
  );
  const r: Result = await instance;
  const statusCodes = Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([k, v]) => [k, Number(v.count)]));
  const answered = Object.values(statusCodes).reduce((a, b) => a + b, 0);
  latencies.sort((a, b) => a - b);
  const at = (q: number) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]! : NaN);
  return {
    requests: answered,
    rps: answered / r.duration,
    p50: Math.round(at(0.5)),
    p99: Math.round(at(0.99)),
    max: Math.round(at(1)),
    errors: r.errors + r.timeouts + r.non2xx,
    statusCodes,
  };
}

/**
 * Waits until the server has worked off what the last round left queued (autocannon stops
 * sending, but requests already accepted are still being processed): five health checks in a
 * row each answered within 50 ms, or at most 15 s.
 */
export async function settle(baseUrl: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  let fast = 0;
  while (fast < 5 && Date.now() < deadline) {
    const t = Date.now();
    const controller = new AbortController();
    try {
      // A plain timer as well as the abort: a check must never hang the run.
      await Promise.race([
        fetch(`${baseUrl}/api/health`, { signal: controller.signal }).then((r) => r.arrayBuffer()),
        new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), 5000)),
      ]);
    } catch {
      // still busy
    } finally {
      controller.abort();
    }
    fast = Date.now() - t < 50 ? fast + 1 : 0;
    if (fast === 0) await new Promise((r) => setTimeout(r, 100));
  }
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export async function compare(baseUrl: string, baseline: Load, target: Load, o: MeasureOptions): Promise<Comparison> {
  const log = o.log ?? (() => {});
  await settle(baseUrl);
  if (o.warmup > 0) {
    await load(baseUrl, baseline, o.connections, o.warmup);
    await settle(baseUrl);
    await load(baseUrl, target, o.connections, o.warmup);
    await settle(baseUrl);
  }
  const b: RoundStats[] = [];
  const t: RoundStats[] = [];
  const d: RoundStats[] = [];
  for (let i = 0; i < o.rounds; i++) {
    b.push(await load(baseUrl, baseline, o.connections, o.duration));
    await settle(baseUrl);
    const [tr, dr] = await Promise.all([
      load(baseUrl, target, o.connections, o.duration),
      target.during ? load(baseUrl, target.during.load, target.during.connections, o.duration) : undefined,
    ]);
    t.push(tr);
    if (dr) {
      d.push(dr);
      log(`  during: ${target.during!.load.name} ${dr.rps.toFixed(0)} req/s p99 ${dr.p99} ms errors ${dr.errors}`);
    }
    await settle(baseUrl);
    const [bi, ti] = [b[i]!, t[i]!];
    log(
      `  round ${i + 1}/${o.rounds}: ${baseline.name} ${bi.rps.toFixed(0)} req/s p99 ${bi.p99} ms | ` +
        `${target.name} ${ti.rps.toFixed(0)} req/s p50 ${ti.p50} ms p99 ${ti.p99} ms errors ${ti.errors} ` +
        `-> ${(ti.rps / bi.rps).toFixed(2)}x`,
    );
  }
  const statusCodes: Record<string, number> = {};
  for (const r of t) for (const [k, v] of Object.entries(r.statusCodes)) statusCodes[k] = (statusCodes[k] ?? 0) + v;
  return {
    baseline: b,
    target: t,
    rpsRatio: median(t.map((x, i) => x.rps / b[i]!.rps)),
    p99Ratio: median(t.map((x, i) => x.p99 / Math.max(1, b[i]!.p99))),
    baselineRps: median(b.map((x) => x.rps)),
    targetRps: median(t.map((x) => x.rps)),
    targetP50: median(t.map((x) => x.p50)),
    targetP99: median(t.map((x) => x.p99)),
    baselineP99: median(b.map((x) => x.p99)),
    targetErrors: t.reduce((a, x) => a + x.errors, 0),
    baselineErrors: b.reduce((a, x) => a + x.errors, 0),
    targetStatusCodes: statusCodes,
    ...(d.length
      ? {
          during: {
            rounds: d,
            rpsRatio: median(d.map((x, i) => x.rps / b[i]!.rps)),
            p99Ratio: median(d.map((x, i) => x.p99 / Math.max(1, b[i]!.p99))),
            errors: d.reduce((a, x) => a + x.errors, 0),
          },
        }
      : {}),
  };
}
