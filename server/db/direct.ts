import "server-only";
import { createHash } from "node:crypto";
import { processWide } from "@/server/process-wide";
import type { Database as SqliteConnection, Statement } from "better-sqlite3";
import pg, { type Pool as PgPool, type QueryResultRow } from "pg";
import type { Prisma } from "@/generated/sqlite/client";
import { db, driverOf } from "@/server/db/client";

/**
 * The few hottest statements (API token check, ballot save) without Prisma's per-query cost
 * (its client engine, and on SQLite a better-sqlite3 `prepare` on every call): the same
 * `Prisma.sql` statement runs on the connection or pool Prisma itself uses. Values and results
 * are converted as Prisma's adapters do for the types these statements use: times are written
 * as UTC text and read back as UTC, integers come back as numbers, JSON is bound as text.
 *
 * SQLite: statements are prepared once per connection and run synchronously. That is safe
 * because better-sqlite3 is synchronous (nothing else runs on the connection during a call) and
 * a transaction run here begins and commits within one call. The one state to respect is a
 * transaction Prisma has open on the connection (its adapter holds the connection from BEGIN to
 * COMMIT across awaits, behind its own lock): then `directSqlite()` is null and callers go
 * through Prisma, which queues behind that lock. Other processes on the same file are kept out
 * by SQLite's locking and busy timeout, as for Prisma's own statements.
 *
 * PostgreSQL: one statement per call on a pooled connection (autocommit); `pg` with the text
 * protocol.
 */
export type DirectSqlite = {
  /** All rows of a query. */
  all<T>(query: Prisma.Sql): T[];
  /** Runs a statement; the number of rows it changed. */
  run(query: Prisma.Sql): number;
  /** Runs a statement without values (SAVEPOINT, RELEASE, ...). */
  exec(sql: string): void;
  /** Runs `work` in one `BEGIN IMMEDIATE` ... `COMMIT`, rolled back if it throws. */
  transaction<T>(work: () => T): T;
};

/**
 * All rows of one statement, directly when possible, else through Prisma. `prepared`: on
 * PostgreSQL, run it as a named prepared statement (parsed and planned once per connection),
 * for a hot statement whose text is always the same (the ballot save: six data-modifying CTEs).
 */
export async function queryRows<T>(query: Prisma.Sql, { prepared = false } = {}): Promise<T[]> {
  const driver = driverOf(db());
  if (driver && "pg" in driver) return pgRows<T & QueryResultRow>(driver.pg, query, prepared);
  const direct = directSqlite();
  return direct ? direct.all<T>(query) : db().$queryRaw<T[]>(query);
}

/** Runs one statement, directly when possible, else through Prisma; the number of rows changed. */
export async function execute(query: Prisma.Sql): Promise<number> {
  const driver = driverOf(db());
  if (driver && "pg" in driver) return (await driver.pg.query({ text: query.text, values: query.values.map(pgValue) })).rowCount ?? 0;
  const direct = directSqlite();
  return direct ? direct.run(query) : db().$executeRaw(query);
}

const sqliteRunners = processWide("db.sqliteRunners", () => new WeakMap<SqliteConnection, DirectSqlite>());

/** The synchronous SQLite runner, or null on PostgreSQL, before Prisma connected, or inside a Prisma transaction. */
export function directSqlite(): DirectSqlite | null {
  const driver = driverOf(db());
  if (!driver || !("sqlite" in driver) || driver.sqlite.inTransaction) return null;
  const connection = driver.sqlite;
  let runner = sqliteRunners.get(connection);
  if (!runner) {
    const statements = new Map<string, Statement>();
    const statement = (sql: string) => {
      let s = statements.get(sql);
      if (!s) {
        s = connection.prepare(sql);
        // Prisma's adapter turns on 64-bit integers for the connection; these rows use numbers.
        if (s.reader) s.safeIntegers(false);
        statements.set(sql, s);
      }
      return s;
    };
    runner = {
      all: <T>(query: Prisma.Sql) => statement(query.sql).all(...query.values.map(sqliteValue)) as T[],
      run: (query) => statement(query.sql).run(...query.values.map(sqliteValue)).changes,
      exec: (sql) => void statement(sql).run(),
      transaction(work) {
        statement("BEGIN IMMEDIATE").run();
        try {
          const result = work();
          statement("COMMIT").run();
          return result;
        } catch (e) {
          if (connection.inTransaction) statement("ROLLBACK").run();
          throw e;
        }
      },
    };
    sqliteRunners.set(connection, runner);
  }
  return runner;
}

/**
 * Runs `work` synchronously on the SQLite connection as soon as no Prisma transaction holds it;
 * undefined on PostgreSQL or before Prisma connected (callers then go through Prisma).
 * Waiting, rather than running `work` as a Prisma transaction, matters under load: a Prisma
 * transaction holds the connection across awaits, so every write arriving meanwhile would
 * become one too and keep it held, and a rare long transaction (a rebuild of a term's tally)
 * would turn every later write into a slow one (measured: 150 ballot saves/s, p99 3.7 s).
 * The check and the run are in one synchronous step, so nothing can begin between them.
 */
export async function whenSqliteFree<T>(work: (direct: DirectSqlite) => T): Promise<{ value: T } | undefined> {
  for (let wait = 0; ; wait = Math.min(wait + 1, 5)) {
    const driver = driverOf(db());
    if (!driver || !("sqlite" in driver)) return undefined;
    const direct = directSqlite();
    if (direct) return { value: work(direct) };
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

/** A bound value as Prisma's better-sqlite3 adapter writes it (times: ISO 8601 with +00:00). */
function sqliteValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

/** A name per statement text (pg refuses one name for two texts on a connection). */
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) statementNames.set(text, (name = `gs_${createHash("sha256").update(text).digest("hex").slice(0, 24)}`));
  return name;
}
const statementNames = processWide("db.pgStatementNames", () => new Map<string, string>());

/** A bound value for `pg`: times as UTC text (pg would send them in the process's time zone). */
function pgValue(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

const TIMESTAMP_OID = 1114;
const INT8_OID = 20;
const pgTypes = {
  getTypeParser: (oid: number, format?: "text" | "binary") =>
    // `timestamp(3)` columns hold UTC (as Prisma writes them); pg would read them as local time.
    oid === TIMESTAMP_OID
      ? (text: string) => new Date(`${text.replace(" ", "T")}Z`)
      : oid === INT8_OID
        ? (text: string) => Number(text)
        : pg.types.getTypeParser(oid, format as "text"),
};

async function pgRows<T extends QueryResultRow>(pool: PgPool, query: Prisma.Sql, prepared = false): Promise<T[]> {
  const name = prepared ? statementName(query.text) : undefined;
  const result = await pool.query<T>({ text: query.text, values: query.values.map(pgValue), types: pgTypes as never, ...(name ? { name } : {}) });
  return result.rows;
}
