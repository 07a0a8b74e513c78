import "server-only";
import { jsonValue, onPostgres, timestamp } from "@/server/db/sql";
import type { TermEventType } from "@/lib/live";
import type { Db } from "@/server/db/client";
import { Prisma } from "@/generated/sqlite/client";
import { wakeLocal } from "@/server/live/hub";

export const NOTIFY_CHANNEL = "gongshang_term_events";

type EventWriter = Pick<Db, "$executeRaw" | "$executeRawUnsafe">;

/**
 * The head of every insert into the live event log, here and in the ballot's own statement
 * (server/ballots/store.ts), which selects its row from the ballot it wrote.
 */
export const INSERT_TERM_EVENT = Prisma.sql`INSERT INTO "TermEvent" ("termId", "type", "payload", "createdAt")`;

/**
 * The statements that record a change for live clients, to put in the same transaction as the
 * change itself (batch `$transaction([...])` or interactive). The row is the durable event log
 * (clients resume from it with Last-Event-ID); on PostgreSQL a NOTIFY, delivered at commit,
 * wakes the streams of every app instance at once.
 */
export function termEventOps(tx: EventWriter, termId: string, type: TermEventType, payload: Prisma.InputJsonObject) {
  // Raw: a model insert costs several times as much, and this runs inside every ballot save.
  const ops = [
    tx.$executeRaw`${INSERT_TERM_EVENT} VALUES (${termId}, ${type}, ${jsonValue(payload)}, ${timestamp(new Date())})`,
  ];
  if (onPostgres()) ops.push(tx.$executeRawUnsafe(`SELECT pg_notify('${NOTIFY_CHANNEL}', $1)`, termId));
  return ops;
}

/** For interactive transactions: await the statements in order. */
export async function publishTermEvent(tx: EventWriter, termId: string, type: TermEventType, payload: Prisma.InputJsonObject) {
  for (const op of termEventOps(tx, termId, type, payload)) await op;
}

/** After the transaction committed: wake this instance's streams now instead of at the next poll. */
export function afterCommit(termId: string) {
  wakeLocal(termId);
}
