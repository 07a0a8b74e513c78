import "server-only";
import { databaseConfig } from "@/lib/env";
import type { TermEventType } from "@/lib/live";
import type { Db } from "@/server/db/client";
import type { Prisma } from "@/generated/sqlite/client";
import { wakeLocal } from "@/server/live/hub";

export const NOTIFY_CHANNEL = "gongshang_term_events";

type EventWriter = Pick<Db, "termEvent" | "$executeRawUnsafe">;

/**
 * The statements that record a change for live clients, to put in the same transaction as the
 * change itself (batch `$transaction([...])` or interactive). The row is the durable event log
 * (clients resume from it with Last-Event-ID); on PostgreSQL a NOTIFY, delivered at commit,
 * wakes the streams of every app instance at once.
 */
export function termEventOps(tx: EventWriter, termId: string, type: TermEventType, payload: Prisma.InputJsonObject) {
  const ops = [tx.termEvent.create({ data: { termId, type, payload }, select: { id: true } })];
  if (databaseConfig().provider === "postgresql") {
    ops.push(tx.$executeRawUnsafe(`SELECT pg_notify('${NOTIFY_CHANNEL}', $1)`, termId) as never);
  }
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
