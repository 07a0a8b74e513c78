import type { Database as SqliteConnection } from "better-sqlite3";
import type { Pool as PgPool } from "pg";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "@/generated/sqlite/client";
import { PrismaClient as PostgresClient } from "@/generated/postgresql/client";
import { databaseConfig, type DatabaseConfig } from "@/lib/env";
import { processWide } from "@/server/process-wide";

/**
 * The one database client of the process. Both generated clients come from the same models
 * (prisma/schema.prisma), so they expose the same API; the SQLite client's type stands for both.
 */
export type Db = SqliteClient;

/**
 * SQLite in WAL mode (set by the migrator, persistent) with synchronous=NORMAL: a commit is
 * written to the WAL without an fsync, so it survives a crash of the process (the SIGKILL test)
 * but the last commits may be lost if the machine loses power. That trade cuts a commit from
 * ~5 ms to ~0.05 ms here; deployments that cannot accept it use PostgreSQL.
 */
class TunedSqliteAdapter extends PrismaBetterSQLite3 {
  driver?: Driver;
  override async connect() {
    const adapter = await super.connect();
    await adapter.executeScript("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;");
    this.driver = { sqlite: (adapter as unknown as { client: SqliteConnection }).client };
    return adapter;
  }
}

class PgAdapter extends PrismaPg {
  driver?: Driver;
  override async connect() {
    const adapter = await super.connect();
    this.driver = { pg: adapter.underlyingDriver() as PgPool };
    return adapter;
  }
}

/** The connection (SQLite) or pool (PostgreSQL) a client's adapter runs on. */
export type Driver = { sqlite: SqliteConnection } | { pg: PgPool };
const adapters = processWide("db.adapters", () => new WeakMap<Db, { driver?: Driver }>());
const configs = processWide("db.configs", () => new WeakMap<Db, DatabaseConfig>());

/**
 * The database a client was created for: what decides the SQL dialect and where LISTEN
 * connects, so a test that installs a PostgreSQL client runs the PostgreSQL statements and
 * receives its NOTIFY whatever the environment says.
 */
export function configOf(client: Db): DatabaseConfig {
  return configs.get(client) ?? databaseConfig();
}

export function engineOf(client: Db): DatabaseConfig["provider"] {
  return configOf(client).provider;
}

/**
 * The driver under a client, once Prisma has connected it and while it is open; for the few
 * hottest statements, which skip Prisma's per-query cost (server/db/direct.ts).
 */
export function driverOf(client: Db): Driver | undefined {
  const driver = adapters.get(client)?.driver;
  if (!driver) return undefined;
  return ("sqlite" in driver ? driver.sqlite.open : !driver.pg.ended) ? driver : undefined;
}

export function createDb(config: DatabaseConfig): Db {
  if (config.provider === "sqlite") {
    // timeout = SQLite's busy timeout: writers wait for the lock instead of failing.
    const adapter = new TunedSqliteAdapter({ url: `file:${config.file}`, timeout: 10_000 });
    const client = new SqliteClient({ adapter });
    adapters.set(client, adapter);
    configs.set(client, config);
    return client;
  }
  const adapter = new PgAdapter({ connectionString: config.url, max: 10, allowExitOnIdle: true });
  const client = new PostgresClient({ adapter }) as unknown as Db;
  adapters.set(client, adapter);
  configs.set(client, config);
  return client;
}

const current = processWide("db.client", (): { client?: Db } => ({}));

/** The process-wide client, created on first use from DATABASE_URL. */
export function db(): Db {
  current.client ??= createDb(databaseConfig());
  return current.client;
}

/** For tests and scripts that pick their own database. */
export function setDb(client: Db | undefined) {
  current.client = client;
}
