import assert from "node:assert/strict";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import pg from "pg";
import { createPostgresDatabase, postgresReachable, PG_ADMIN_URL } from "@/test/support/databases";
import type { DatabaseConfig } from "@/lib/env";
import { createDb, setDb, type Db } from "@/server/db/client";
import { migrate } from "@/server/db/migrate";
import { seed } from "@/server/seed/seed";
import { createApiToken } from "@/server/auth/api-tokens";
import { takeSseFrames, type SseFrame } from "@/lib/live";

/**
 * Two app processes (`next start`) on one PostgreSQL database: a grade written through
 * instance A reaches an event stream open on instance B (LISTEN/NOTIFY), and a stream that
 * reconnects to either instance with Last-Event-ID gets what it missed.
 *
 * Builds the app into .next-live first (skip with LIVE_SKIP_BUILD=1 when it is fresh), so that
 * it never overwrites a build another run is serving.
 */
const DIST = ".next-live";
const ROOT = process.cwd();
const NEXT_BIN = path.join(ROOT, "node_modules", ".bin", "next");

type Frame = SseFrame;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** An SSE client: frames are read as they arrive; `next(type)` waits for the next of a type. */
class EventClient {
  private frames: Frame[] = [];
  private waiters: (() => void)[] = [];
  private ac = new AbortController();
  private constructor(readonly url: string) {}

  static async open(url: string, lastEventId?: number): Promise<EventClient> {
    const c = new EventClient(url);
    const res = await fetch(url, { headers: lastEventId ? { "Last-Event-ID": String(lastEventId) } : {}, signal: c.ac.signal });
    assert.equal(res.status, 200, `${url} answers`);
    assert.match(res.headers.get("content-type") ?? "", /text\/event-stream/);
    void c.pump(res.body!.getReader());
    await c.next("ready");
    return c;
  }

  private async pump(reader: ReadableStreamDefaultReader<Uint8Array>) {
    const decoder = new TextDecoder();
    let buffer = "";
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        const { frames, rest } = takeSseFrames(buffer);
        buffer = rest;
        if (frames.length) {
          this.frames.push(...frames);
          this.waiters.splice(0).forEach((w) => w());
        }
      }
    } catch {
      // aborted
    }
  }

  /** The next frame of the type not yet taken, waiting up to `ms`. */
  async next(type: string, ms = 8000): Promise<Frame & { receivedAfterMs: number }> {
    const start = Date.now();
    for (;;) {
      const i = this.frames.findIndex((f) => f.event === type);
      if (i >= 0) return { ...this.frames.splice(0, i + 1)[i]!, receivedAfterMs: Date.now() - start };
      const left = ms - (Date.now() - start);
      if (left <= 0) throw new Error(`no "${type}" event from ${this.url} within ${ms} ms (got ${this.frames.map((f) => f.event).join(", ") || "nothing"})`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  close() {
    this.ac.abort();
  }
}

describe("live events across two app instances on one PostgreSQL database", async () => {
  if (!(await postgresReachable())) {
    if (process.env.CI) throw new Error(`PostgreSQL is not reachable at ${PG_ADMIN_URL}, and CI is set`);
    console.warn(`\n!!! SKIPPING the two-instance live test: no PostgreSQL at ${PG_ADMIN_URL} (set TEST_PG_URL) !!!\n`);
    return;
  }

  let database: { url: string; drop(): Promise<void> };
  let db: Db;
  let token: string;
  let renderingIds: string[];
  const servers: ChildProcess[] = [];
  const base: string[] = [];
  const logs: string[] = [];
  const dataDir = mkdtempSync(path.join(tmpdir(), "gongshang-live-"));

  before(async () => {
    if (process.env.LIVE_SKIP_BUILD !== "1") {
      const started = Date.now();
      const build = spawnSync(NEXT_BIN, ["build"], { cwd: ROOT, env: { ...process.env, NEXT_DIST_DIR: DIST, NEXT_TELEMETRY_DISABLED: "1" }, encoding: "utf8" });
      assert.equal(build.status, 0, `next build failed:\n${build.stdout}\n${build.stderr}`);
      console.log(`# built ${DIST} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    database = await createPostgresDatabase();
    const config: DatabaseConfig = { provider: "postgresql", url: database.url };
    await migrate(config);
    db = createDb(config);
    setDb(db);
    await seed(db);
    const canada = await db.delegation.findUniqueOrThrow({ where: { name: "Canada" } });
    const user = await db.user.create({ data: { email: `live-${randomBytes(4).toString("hex")}@example.org`, name: "Live tester", delegationId: canada.id } });
    token = (await createApiToken(user.id, "two-instances")).token;
    renderingIds = (await db.rendering.findMany({ where: { term: { slug: "cso" }, status: "active" }, orderBy: { createdAt: "asc" } })).map((r) => r.id);

    const env = {
      ...process.env,
      NODE_ENV: "production" as const,
      NEXT_DIST_DIR: DIST,
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
      NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
    };
    for (const name of ["A", "B"]) {
      const port = await freePort();
      // detached: its own process group, so that stopping it also stops next's worker.
      const child = spawn(NEXT_BIN, ["start", "-p", String(port), "-H", "127.0.0.1"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
      child.stdout!.on("data", (d) => logs.push(`[${name}] ${d}`));
      child.stderr!.on("data", (d) => logs.push(`[${name}] ${d}`));
      servers.push(child);
      base.push(`http://127.0.0.1:${port}`);
    }
    for (const url of base) {
      const deadline = Date.now() + 60_000;
      for (;;) {
        const ok = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
        if (ok) break;
        if (Date.now() > deadline) throw new Error(`${url} did not start:\n${logs.join("")}`);
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  });

  after(async () => {
    for (const child of servers) {
      try {
        if (child.pid) process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
    setDb(undefined);
    await db?.$disconnect();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const grade = (instance: number, grades: Record<string, string>) =>
    fetch(`${base[instance]}/api/terms/cso/ballot`, {
      method: "PUT",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: JSON.stringify({ grades }),
    });

  it("a grade written through instance A reaches a stream open on instance B, which listens for notifications", async () => {
    const onB = await EventClient.open(`${base[1]}/api/terms/cso/events`);
    // B holds a LISTEN connection on the database (the wake-up path across instances). The first
    // stream of an instance starts it without waiting for it, so it may take a moment to appear.
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    let listening = 0;
    for (let i = 0; i < 50 && listening < 1; i++) {
      if (i > 0) await new Promise((r) => setTimeout(r, 100));
      const { rows } = await admin.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND query ILIKE 'LISTEN %'`);
      listening = rows[0].n;
    }
    await admin.end();
    assert.ok(listening >= 1, "an instance listens for term events");

    const res = await grade(0, { [renderingIds[0]!]: "good" });
    assert.equal(res.status, 200, await res.clone().text());
    const event = await onB.next("ballot");
    assert.ok(event.id! > 0);
    console.log(`# the event reached instance B ${event.receivedAfterMs} ms after the write through A returned`);
    onB.close();
  });

  it("a stream that reconnects to the other instance with Last-Event-ID gets exactly what it missed", async () => {
    const onB = await EventClient.open(`${base[1]}/api/terms/cso/events`);
    assert.equal((await grade(0, { [renderingIds[1]!]: "excellent" })).status, 200);
    const seen = await onB.next("ballot");
    onB.close();

    // Missed while disconnected: two writes, one through each instance.
    assert.equal((await grade(0, { [renderingIds[2]!]: "acceptable" })).status, 200);
    assert.equal((await grade(1, { [renderingIds[3]!]: "poor" })).status, 200);
    const onA = await EventClient.open(`${base[0]}/api/terms/cso/events`, seen.id);
    const first = await onA.next("ballot");
    const second = await onA.next("ballot");
    assert.ok(first.id! > seen.id! && second.id! > first.id!, "in order, after the last one seen");
    await assert.rejects(onA.next("ballot", 1500), /no "ballot" event/, "nothing twice");
    onA.close();
  });
});
