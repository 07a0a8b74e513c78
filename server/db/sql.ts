import "server-only";
import { Prisma } from "@/generated/sqlite/client";
import { db, engineOf } from "@/server/db/client";

/**
 * Helpers for the few raw statements on hot paths (ballot saves, live events): the values are
 * bound parameters; only the casts differ. PostgreSQL needs typed JSON and timestamps; SQLite
 * stores both as text, in the format Prisma's adapter writes (ISO 8601), so Prisma reads them back.
 */
/** Whether the process-wide client runs on PostgreSQL (not what the environment says: tests swap it). */
export const onPostgres = () => engineOf(db()) === "postgresql";

export function jsonValue(value: unknown): Prisma.Sql {
  const text = JSON.stringify(value);
  return onPostgres() ? Prisma.sql`CAST(${text} AS jsonb)` : Prisma.sql`${text}`;
}

export function timestamp(value: Date): Prisma.Sql {
  return onPostgres() ? Prisma.sql`CAST(${value} AS timestamp(3))` : Prisma.sql`${value}`;
}
