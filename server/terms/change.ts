import "server-only";
import type { Prisma } from "@/generated/sqlite/client";
import type { TermEventType } from "@/lib/live";
import { db } from "@/server/db/client";
import type { Tx } from "@/server/site/audit";
import { bumpTally } from "@/server/results/service";
import { REBUILD_TX, carryCellsOver, rebuildCells } from "@/server/results/cells";
import { publishTermEvent } from "@/server/live/publish";
import { wakeLocal } from "@/server/live/hub";
import { expireCachedTermPages } from "@/server/live/cached-pages";
import { writeTermNotice, type TermNotice } from "@/server/notices/term-notices";
import { nudgeDelivery } from "@/server/notices/schedule";

/**
 * The one path of a change to a term (everything but a ballot save, whose one statement does
 * steps 1-3 in SQL, server/ballots/store.ts, and which after commit only wakes the streams: it is
 * the frequent change, and the pages rely on their revalidation period for it):
 *
 * 1. one transaction; with `renderings` it first takes the term's row lock and moves its
 *    tally and renderings versions (bumpTally), as every writer of the term does first, so no
 *    ballot or stage move lands between the checks in `work` and its writes; after `work`, a
 *    change of the renderings (`true`: merge, hide, withdraw, undo…) rebuilds the term's
 *    maintained tally over the renderings now active, while an added rendering (`"added"`: a
 *    proposal, graded by nobody yet) changes no count and only carries the cells' validity over
 *    to the new renderings version;
 * 2. `work` checks and writes, and says what changed with `emit(type, payload)`;
 * 3. the live events emitted are written in the same transaction (TermEvent, and on PostgreSQL
 *    a NOTIFY delivered at commit), so a client never sees an event of a change that did not
 *    commit, nor misses one that did;
 *    The notices the change makes (`notice(...)`: in the app and, through the mail outbox, by
 *    email) are written in the same transaction too (server/notices/term-notices.ts);
 * 4. after the commit: when a notice was written, the outbox delivery is nudged; when anything was
 *    emitted, this instance's streams are woken and the
 *    term's pages expired (the readers' cached copy and the members' pages, which makes a
 *    server action's answer carry the fresh page; actions do not revalidate term pages).
 */
export type EmitTermEvent = (type: TermEventType, payload: Prisma.InputJsonObject) => void;
export type NoteTermNotice = (notice: TermNotice) => void;
export type TermChange = { renderings?: boolean | "added" };

/**
 * A change waits up to 10 s for a connection and for its own work: a burst of writes (a member
 * posting from a script, a conference at once) queues behind the pool instead of failing with
 * Prisma's 2 s default as an unexpected error; the HTTP layer refuses what it cannot queue
 * (server/http/admission.ts).
 */
const CHANGE_TX = { maxWait: 10_000, timeout: 10_000 } as const;

export type TermWork<T> = (tx: Tx, emit: EmitTermEvent, notice: NoteTermNotice) => Promise<T>;

export async function changeTerm<T>(termId: string, change: TermChange, work: TermWork<T>): Promise<T> {
  let emitted = false;
  let noted = false;
  const result = await db().$transaction(async (tx) => {
    const { value, events, notices } = await changeWithin(tx, termId, change, work);
    emitted = events > 0;
    noted = notices > 0;
    return value;
  }, change.renderings ? REBUILD_TX : CHANGE_TX);
  if (noted) nudgeDelivery();
  if (emitted) await afterTermChange(termId);
  return result;
}

/** Steps 1-3 of a change inside a transaction the caller holds; the number of events and notices written. */
async function changeWithin<T>(tx: Tx, termId: string, change: TermChange, work: TermWork<T>): Promise<{ value: T; events: number; notices: number }> {
  const events: { type: TermEventType; payload: Prisma.InputJsonObject }[] = [];
  const notices: TermNotice[] = [];
  if (change.renderings) await bumpTally(tx, termId);
  const value = await work(
    tx,
    (type, payload) => void events.push({ type, payload }),
    (n) => void notices.push(n),
  );
  // The maintained tally follows the active renderings: rebuilt with the change, or still
  // valid when a rendering nobody has graded was only added (if it was valid before).
  if (change.renderings === "added") await carryCellsOver(tx, termId);
  else if (change.renderings) await rebuildCells(tx, termId);
  for (const e of events) await publishTermEvent(tx, termId, e.type, e.payload);
  for (const n of notices) await writeTermNotice(tx, termId, n);
  return { value, events: events.length, notices: notices.length };
}

/** Changes one term inside changeTerms' transaction. */
export type ChangeOneTerm = <T>(termId: string, change: TermChange, work: TermWork<T>) => Promise<T>;

/**
 * Several terms changed all together or not at all (an import): one transaction, in which
 * `work` may create terms with `tx` and changes each term through `change`, the same steps as
 * changeTerm's; after the commit, step 4 for every term that emitted. Change terms in a stable
 * order (by id) so two such transactions cannot deadlock on their row locks.
 */
export async function changeTerms<T>(
  work: (tx: Tx, change: ChangeOneTerm, created: (termIds: string[]) => void) => Promise<T>,
  options: { timeoutMs?: number } = {},
): Promise<T> {
  const touched = new Set<string>();
  const result = await db().$transaction(
    async (tx) =>
      work(
        tx,
        async (termId, change, termWork) => {
          const { value, events } = await changeWithin(tx, termId, change, termWork);
          if (events > 0) touched.add(termId);
          return value;
        },
        // Terms created in this transaction (with their events written by the caller): nobody
        // could grade or follow them before the commit, so they need only step 4.
        (termIds) => termIds.forEach((id) => touched.add(id)),
      ),
    { ...REBUILD_TX, timeout: options.timeoutMs ?? REBUILD_TX.timeout },
  );
  if (touched.size > 0) {
    for (const termId of touched) wakeLocal(termId);
    await expireCachedTermPages();
    await expireMemberPages();
  }
  return result;
}

/** After a change to a term committed: wake this instance's live streams, expire the term's pages. */
export async function afterTermChange(termId: string): Promise<void> {
  wakeLocal(termId);
  await expireCachedTermPages();
  await expireMemberPages();
}

/** The members' term pages and the lexicon list; nothing to do outside a request Next can act on. */
async function expireMemberPages(): Promise<void> {
  try {
    const { revalidatePath } = await import("next/cache");
    revalidatePath("/(site)/terms/[slug]", "layout");
    revalidatePath("/");
  } catch {
    // not in a route handler or server action (tests, the CLI)
  }
}
