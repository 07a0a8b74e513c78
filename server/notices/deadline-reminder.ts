import "server-only";
import { DEADLINE_REMINDER_MS } from "@/lib/notices/kinds";
import { db } from "@/server/db/client";
import { changeTerm } from "@/server/terms/change";

/**
 * Reminds the members who have not graded a term that its consultation closes within 24 hours,
 * once per deadline: the term's `remindedFor` takes the deadline in the same transaction as the
 * notices, by a conditional update only one instance can win. A deadline moved later gets its
 * own reminder.
 */
export async function remindDeadlines(now = new Date()): Promise<number> {
  const due = await db().term.findMany({
    where: { stage: "consultation", deadline: { gt: now, lte: new Date(now.getTime() + DEADLINE_REMINDER_MS) } },
    select: { id: true, deadline: true, remindedFor: true },
  });
  let reminded = 0;
  for (const t of due) {
    if (!t.deadline || t.remindedFor?.getTime() === t.deadline.getTime()) continue;
    const deadline = t.deadline;
    const claimed = await changeTerm(t.id, {}, async (tx, _emit, notice) => {
      const { count } = await tx.term.updateMany({
        where: { id: t.id, stage: "consultation", deadline, OR: [{ remindedFor: null }, { remindedFor: { not: deadline } }] },
        data: { remindedFor: deadline },
      });
      if (count === 1) notice({ kind: "deadline", deadline });
      return count === 1;
    });
    if (claimed) reminded++;
  }
  return reminded;
}
