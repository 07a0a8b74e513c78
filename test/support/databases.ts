import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe } from "node:test";
import pg from "pg";
import type { DatabaseConfig } from "@/lib/env";
import { createDb, setDb, type Db } from "@/server/db/client";
import { migrate } from "@/server/db/migrate";
import { stopListening } from "@/server/live/hub";

/**
 * Real databases for integration tests: a fresh SQLite file, and a fresh PostgreSQL database
 * on the local service (TEST_PG_URL, default postgresql://postgres@127.0.0.1:5432/postgres).
 * Without a reachable PostgreSQL the PostgreSQL half is skipped loudly, unless CI is set,
 * where that is a failure.
 */
export const PG_ADMIN_URL = process.env.TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export type Engine = DatabaseConfig["provider"];
export type TestDatabase = { engine: Engine; config: DatabaseConfig; db: Db; drop(): Promise<void> };

let pgReachable: Promise<boolean> | undefined;
export function postgresReachable(): Promise<boolean> {
  pgReachable ??= (async () => {
    const c = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3000 });
    try {
      await c.connect();
      await c.end();
      return true;
    } catch {
      return false;
    }
  })();
  return pgReachable;
}

export function postgresUrlFor(database: string): string {
  const u = new URL(PG_ADMIN_URL);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `gongshang_test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
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

const ENGINES: Engine[] = ["sqlite", "postgresql"];

/**
 * Runs a suite once per database engine, each on a fresh database that is also installed
 * as the process-wide client (so services under test use it).
 */
export function describeEachEngine(name: string, suite: (ctx: { database: () => TestDatabase }) => void) {
  for (const engine of ENGINES) {
    describe(`${name} [${engine}]`, async () => {
      if (engine === "postgresql" && !(await postgresReachable())) {
        if (process.env.CI) throw new Error(`PostgreSQL is not reachable at ${PG_ADMIN_URL}, and CI is set`);
        console.warn(`\n!!! SKIPPING the PostgreSQL half of "${name}": no PostgreSQL at ${PG_ADMIN_URL} (set TEST_PG_URL) !!!\n`);
        return;
      }
      let database: TestDatabase | undefined;
      before(async () => {
        database = await freshDatabase(engine);
        setDb(database.db);
      });
      after(async () => {
        await stopListening();
        setDb(undefined);
        await database?.drop();
      });
      suite({
        database: () => {
          if (!database) throw new Error("database not ready");
          return database;
        },
      });
    });
  }
}
