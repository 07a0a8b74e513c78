import "server-only";
import type { Db } from "@/server/db/client";

/** Events deleted per transaction: a large backlog is deleted in many short transactions. */
export const PRUNE_BATCH = 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const ROW = 1;

/**
 * How far the event log has been pruned: every event with an id up to this one is gone (0: none
 * ever was). A stream reads it after the events it sends, so a prune that commits in between is
 * still seen (server/live/stream.ts).
 */
export async function prunedThrough(client: Db): Promise<number> {
  const row = await client.termEventPruning.findUnique({ where: { id: ROW }, select: { throughId: true } });
  return row?.throughId ?? 0;
}

export type PruneResult = { deleted: number; batches: number; throughId: number };

/**
 * Deletes the events older than `retentionDays`, oldest id first, `batchSize` at a time. What
 * it deletes is always a prefix of the log by id (it stops at the first recent event), so "every
 * id up to throughId is gone" stays true. Each batch raises throughId in the same transaction as
 * its delete, and only upwards, so instances pruning at once never lower it, and a row is
 * deleted once whoever gets there first.
 */
export async function pruneTermEvents(
  client: Db,
  { retentionDays, now = new Date(), batchSize = PRUNE_BATCH }: { retentionDays: number; now?: Date; batchSize?: number },
): Promise<PruneResult> {
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS);
  await ensureRow(client);
  let deleted = 0;
  let batches = 0;
  for (;;) {
    const rows = await client.termEvent.findMany({ orderBy: { id: "asc" }, take: batchSize, select: { id: true, createdAt: true } });
    const firstRecent = rows.findIndex((r) => r.createdAt >= cutoff);
    const old = firstRecent < 0 ? rows : rows.slice(0, firstRecent);
    const upTo = old.at(-1)?.id;
    if (upTo === undefined) break;
    const [, removed] = await client.$transaction([
      client.termEventPruning.updateMany({ where: { id: ROW, throughId: { lt: upTo } }, data: { throughId: upTo, prunedAt: now } }),
      client.termEvent.deleteMany({ where: { id: { lte: upTo } } }),
    ]);
    deleted += removed.count;
    batches++;
    if (firstRecent >= 0 || rows.length < batchSize) break;
  }
  return { deleted, batches, throughId: await prunedThrough(client) };
}

/** Its migration inserts the row; should it be missing, deleting without it would leave gaps unseen. */
async function ensureRow(client: Db) {
  if (await client.termEventPruning.findUnique({ where: { id: ROW }, select: { id: true } })) return;
  try {
    const oldest = await client.termEvent.findFirst({ orderBy: { id: "asc" }, select: { id: true } });
    await client.termEventPruning.create({ data: { id: ROW, throughId: oldest ? oldest.id - 1 : 0 } });
  } catch (e) {
    // Another instance created it first.
    if ((e as { code?: string }).code !== "P2002") throw e;
  }
}
