import "server-only";
import { whenSqliteFree, type DirectSqlite } from "@/server/db/direct";

/**
 * Group commit on SQLite: the jobs submitted during one turn of the event loop run in one
 * transaction, each in its own savepoint, and then `finish` runs once for those that were kept.
 * A commit writes every page it changed to the WAL, and concurrent ballot saves change many of
 * the same pages (the term's row, its tally cells, the ends of the event tables): in one
 * transaction those are written once for the whole group instead of once per save.
 *
 * - `each(direct, job)` runs the job's statements; it returns `{ keep: false }` to undo them (its
 *   savepoint is rolled back) and still answer its value; if it throws, only its savepoint is
 *   rolled back and only its caller gets the error.
 * - `finish(direct, kept)` runs after the last job, in the same transaction; if it throws, the
 *   whole transaction is rolled back and every caller gets the error.
 * - Callers are answered after COMMIT: an answered job is durable as any commit is.
 * - Before the direct connection exists, each job runs on its own through `alone`.
 */
export type GroupCommit<J, R> = { submit(job: J): Promise<R> };

export type GroupWork<J, R> = {
  each(direct: DirectSqlite, job: J): { keep: boolean; value: R };
  finish(direct: DirectSqlite, kept: J[]): void;
  alone(job: J): Promise<R>;
};

type Waiting<J, R> = { job: J; resolve: (r: R) => void; reject: (e: unknown) => void };
type Outcome<R> = { value: R } | { error: unknown };

export function groupCommit<J, R>(work: GroupWork<J, R>): GroupCommit<J, R> {
  let waiting: Waiting<J, R>[] = [];
  let scheduled = false;

  async function flush() {
    const group = waiting;
    waiting = [];
    scheduled = false;
    let done: { value: Outcome<R>[] } | undefined;
    try {
      done = await whenSqliteFree((direct) => direct.transaction(() => runGroup(direct, group.map((w) => w.job))));
    } catch (e) {
      for (const w of group) w.reject(e);
      return;
    }
    if (!done) {
      for (const w of group) work.alone(w.job).then(w.resolve, w.reject);
      return;
    }
    done.value.forEach((o, i) => ("error" in o ? group[i]!.reject(o.error) : group[i]!.resolve(o.value)));
  }

  function runGroup(direct: DirectSqlite, jobs: J[]): Outcome<R>[] {
    const kept: J[] = [];
    const outcomes = jobs.map((job): Outcome<R> => {
      direct.exec("SAVEPOINT group_job");
      try {
        const { keep, value } = work.each(direct, job);
        if (keep) kept.push(job);
        else direct.exec("ROLLBACK TO group_job");
        direct.exec("RELEASE group_job");
        return { value };
      } catch (error) {
        direct.exec("ROLLBACK TO group_job");
        direct.exec("RELEASE group_job");
        return { error };
      }
    });
    if (kept.length > 0) work.finish(direct, kept);
    return outcomes;
  }

  return {
    submit(job) {
      return new Promise<R>((resolve, reject) => {
        waiting.push({ job, resolve, reject });
        if (!scheduled) {
          scheduled = true;
          // After the I/O of this turn: every save that reached this point meanwhile joins.
          setImmediate(() => void flush());
        }
      });
    },
  };
}
