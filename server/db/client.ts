import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "@/generated/sqlite/client";
import { PrismaClient as PostgresClient } from "@/generated/postgresql/client";
import { databaseConfig, type DatabaseConfig } from "@/lib/env";

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
  override async connect() {
    const adapter = await super.connect();
    await adapter.executeScript("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;");
    return adapter;
  }
}

export function createDb(config: DatabaseConfig): Db {
  if (config.provider === "sqlite") {
    // timeout = SQLite's busy timeout: writers wait for the lock instead of failing.
    const adapter = new TunedSqliteAdapter({ url: `file:${config.file}`, timeout: 10_000 });
    return new SqliteClient({ adapter });
  }
  const adapter = new PrismaPg({ connectionString: config.url, max: 10, allowExitOnIdle: true });
  return new PostgresClient({ adapter }) as unknown as Db;
}

const globalForDb = globalThis as unknown as { gongshangDb?: Db };

/** The process-wide client, created on first use from DATABASE_URL. */
export function db(): Db {
  globalForDb.gongshangDb ??= createDb(databaseConfig());
  return globalForDb.gongshangDb;
}

/** For tests and scripts that pick their own database. */
export function setDb(client: Db | undefined) {
  globalForDb.gongshangDb = client;
}
