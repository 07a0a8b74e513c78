import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import pg from "pg";
import { engineAvailable } from "@/test/support/db";
import { AppServer, createAppDatabase, ensureBuild, type AppDatabase } from "@/test/support/app";
import { createActor } from "@/test/support/factories";
import { createDb, setDb, type Db } from "@/server/db/client";
import { createApiToken } from "@/server/auth/api-tokens";
import { takeSseFrames, type SseFrame } from "@/lib/live";

/**
 * Two app processes (`next start`) on one PostgreSQL database: a grade written through
 * instance A reaches an event stream open on instance B (LISTEN/NOTIFY), and a stream that
 * reconnects to either instance with Last-Event-ID gets what it missed.
 *
 * Builds the app into .next-live first unless the build there is newer than the sources
 * (LIVE_SKIP_BUILD=1 serves an existing one even if stale), so that it never overwrites a build
 * another run is serving; both instances start as `npm start` does (test/support/app.ts).
 */
/** LIVE_DIST_DIR: serve another fresh build (e.g. the fault tests' .next-faults) instead of building again. */
const DIST = process.env.LIVE_DIST_DIR ?? ".next-live";

type Frame = SseFrame;

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
  if (!(await engineAvailable("postgresql", "the two-instance live test"))) return;

  let database: AppDatabase;
  let db: Db;
  let token: string;
  let renderingIds: string[];
  const servers: AppServer[] = [];
  const base: string[] = [];

  before(async () => {
    ensureBuild(DIST, { reuse: process.env.LIVE_SKIP_BUILD === "1" });
    database = await createAppDatabase("postgresql", "live");
    // The first instance migrates and seeds the database (what `npm start` does), the second finds it ready.
    for (let i = 0; i < 2; i++) {
      const server = await AppServer.start({ distDir: DIST, database });
      servers.push(server);
      base.push(server.url);
    }
    db = createDb(database.config);
    setDb(db);
    const user = await createActor(db, { delegation: "Canada", name: "Live tester" });
    token = (await createApiToken(user.id, "two-instances")).token;
    renderingIds = (await db.rendering.findMany({ where: { term: { slug: "cso" }, status: "active" }, orderBy: { createdAt: "asc" } })).map((r) => r.id);
  });

  after(async () => {
    for (const server of servers) await server.stop();
    setDb(undefined);
    await db?.$disconnect();
    await database?.drop();
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
    const admin = new pg.Client({ connectionString: database.databaseUrl });
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
