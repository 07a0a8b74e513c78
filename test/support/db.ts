import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe } from "node:test";
import pg from "pg";
import type { DatabaseConfig } from "@/lib/env";
import type { Db } from "@/server/db/client";

/**
 * Real databases for every kind of test (integration, fault, live) and the benchmarks: a fresh
 * SQLite file, and a fresh PostgreSQL database on the local service (TEST_PG_URL, default
 * postgresql://postgres@127.0.0.1:5432/postgres). Without a reachable PostgreSQL the
 * PostgreSQL half is skipped loudly, unless CI is set, where that is a failure.
 */
export const PG_ADMIN_URL = process.env.TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export type Engine = DatabaseConfig["provider"];
export type TestDatabase = { engine: Engine; config: DatabaseConfig; db: Db; drop(): Promise<void> };
export const ENGINES: Engine[] = ["sqlite", "postgresql"];

// The app's server modules are loaded only by the suites that run it in-process
// (freshDatabase, describeEachEngine): the benchmarks and the fault tests use this module to
// make databases for the built app without loading its code.
const server = async () => ({
  ...(await import("@/server/db/client")),
  ...(await import("@/server/db/migrate")),
  ...(await import("@/server/live/hub")),
});

let pgReachable: Promise<boolean> | undefined;
/** Whether the PostgreSQL service answers (asked once a process; a busy server is asked again). */
export function postgresReachable(): Promise<boolean> {
  pgReachable ??= (async () => {
    for (let attempt = 1; ; attempt++) {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 10_000 });
      try {
        await c.connect();
        await c.end();
        return true;
      } catch (e) {
        // A busy server ("too many clients", a slow start) is not an absent one: try again.
        if (attempt >= 3) {
          console.warn(`PostgreSQL at ${PG_ADMIN_URL}: ${(e as Error).message}`);
          return false;
        }
        await new Promise((r) => setTimeout(r, 2000));
      }
    }
  })();
  return pgReachable;
}

/**
 * Whether a suite may run on `engine`: false (after a loud warning) when it needs PostgreSQL
 * and none is running; under CI that is a failure instead. `what`: the suite, for the warning.
 */
export async function engineAvailable(engine: Engine, what: string): Promise<boolean> {
  if (engine !== "postgresql" || (await postgresReachable())) return true;
  if (process.env.CI) throw new Error(`PostgreSQL is not reachable at ${PG_ADMIN_URL}, and CI is set`);
  console.warn(`\n!!! SKIPPING ${what}: no PostgreSQL at ${PG_ADMIN_URL} (set TEST_PG_URL) !!!\n`);
  return false;
}

export function postgresUrlFor(database: string): string {
  const u = new URL(PG_ADMIN_URL);
  u.pathname = `/${database}`;
  return u.toString();
}

/** A fresh, empty PostgreSQL database on the local service; `tag` goes into its name. */
export async function createPostgresDatabase(tag = "test"): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `gongshang_${tag}_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  return {
    url: postgresUrlFor(name),
    async drop() {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

/** A fresh database (migrated unless told otherwise) and a client of the app on it. */
export async function freshDatabase(engine: Engine, { migrated = true } = {}): Promise<TestDatabase> {
  let config: DatabaseConfig;
  let remove: () => Promise<void>;
  if (engine === "sqlite") {
    const dir = mkdtempSync(path.join(tmpdir(), "gongshang-test-"));
    config = { provider: "sqlite", file: path.join(dir, "test.db") };
    remove = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const pgdb = await createPostgresDatabase();
    config = { provider: "postgresql", url: pgdb.url };
    remove = pgdb.drop;
  }
  const { createDb, migrate } = await server();
  if (migrated) await migrate(config);
  const db = createDb(config);
  return {
    engine,
    config,
    db,
    async drop() {
      await db.$disconnect();
      await remove();
    },
  };
}

/**
 * Runs a suite once per database engine. By default each half runs on a fresh migrated
 * database installed as the process-wide client (so services under test use it, and since
 * the client carries its provider, they run that engine's SQL, NOTIFY and LISTEN included).
 * `database: false` for suites that make their own (the fault tests start the built app on
 * one: test/support/app.ts); `engines` to run on fewer.
 */
export function describeEachEngine(
  name: string,
  suite: (ctx: { engine: Engine; database: () => TestDatabase }) => void,
  { database: installed = true, engines = ENGINES }: { database?: boolean; engines?: Engine[] } = {},
) {
  for (const engine of engines) {
    describe(`${name} [${engine}]`, async () => {
      if (!(await engineAvailable(engine, `the PostgreSQL half of "${name}"`))) return;
      let database: TestDatabase | undefined;
      if (installed) {
        before(async () => {
          database = await freshDatabase(engine);
          (await server()).setDb(database.db);
        });
        after(async () => {
          const { setDb, stopListening } = await server();
          await stopListening();
          setDb(undefined);
          await database?.drop();
        });
      }
      suite({
        engine,
        database: () => {
          if (!database) throw new Error(installed ? "database not ready" : "this suite has no in-process database");
          return database;
        },
      });
    });
  }
}
