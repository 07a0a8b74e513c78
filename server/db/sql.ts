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

/**
 * A timestamp as a direct statement returns it: a Date (PostgreSQL), or the ISO 8601 text
 * SQLite stores (older rows may hold epoch milliseconds).
 */
export function storedDate(value: unknown): Date {
  if (value instanceof Date) return value;
  if (typeof value === "number" || typeof value === "bigint") return new Date(Number(value));
  const text = String(value);
  if (/^\d+$/.test(text)) return new Date(Number(text));
  // "YYYY-MM-DD HH:MM:SS" without a zone is UTC, as SQLite writes it.
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(" ", "T")}Z`);
}
