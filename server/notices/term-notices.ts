import "server-only";
import { format } from "@/lib/i18n";
import type { Tx } from "@/server/site/audit";
import { RECIPIENT_SELECT, sendNotice, type Recipient } from "@/server/notices/send";
import { formatDateTime } from "@/lib/i18n/dates";

/**
 * What a change to a term tells the members, written by changeTerm in the change's own
 * transaction (server/terms/change.ts): the services say which notice their change makes.
 */
export type TermNotice =
  | { kind: "consultation" }
  | { kind: "provisional" }
  | { kind: "decision"; decisionId: string }
  | { kind: "comment"; commentId: string }
  | { kind: "deadline"; deadline: Date };

const ACTIVE = { disabledAt: null } as const;

/** Who took part in a term: graded it, proposed a rendering or commented. */
async function participants(tx: Tx, termId: string): Promise<Recipient[]> {
  return tx.user.findMany({
    where: { ...ACTIVE, OR: [{ ballots: { some: { termId } } }, { renderings: { some: { termId } } }, { comments: { some: { termId } } }] },
    select: RECIPIENT_SELECT,
  });
}

const when = formatDateTime;

export async function writeTermNotice(tx: Tx, termId: string, notice: TermNotice): Promise<void> {
  const term = await tx.term.findUniqueOrThrow({ where: { id: termId }, select: { slug: true, headword: true } });
  const href = `/terms/${term.slug}`;
  const v = { term: term.headword };
  switch (notice.kind) {
    case "consultation": {
      const members = await tx.user.findMany({ where: ACTIVE, select: RECIPIENT_SELECT });
      return sendNotice(tx, "consultation", members, href, (t) => ({ message: format(t.inApp.consultation, v), subject: format(t.mail.consultation, v) }));
    }
    case "deadline": {
      // Members who can grade (they have a delegation) and have not.
      const members = await tx.user.findMany({ where: { ...ACTIVE, delegationId: { not: null }, ballots: { none: { termId } } }, select: RECIPIENT_SELECT });
      return sendNotice(tx, "deadline", members, href, (t, lang) => ({
        message: format(t.inApp.deadline, { ...v, deadline: when(notice.deadline, lang) }),
        subject: format(t.mail.deadline, v),
      }));
    }
    case "provisional":
      return sendNotice(tx, "provisional", await participants(tx, termId), href, (t) => ({ message: format(t.inApp.provisional, v), subject: format(t.mail.provisional, v) }));
    case "decision": {
      const d = await tx.decision.findUniqueOrThrow({ where: { id: notice.decisionId }, select: { adoptedRenderingId: true } });
      const adopted = await tx.rendering.findUnique({ where: { id: d.adoptedRenderingId }, select: { text: true } });
      return sendNotice(tx, "decision", await participants(tx, termId), href, (t) => ({
        message: format(t.inApp.decision, { ...v, adopted: adopted?.text ?? "" }),
        subject: format(t.mail.decision, v),
      }));
    }
    case "comment":
      return commentNotices(tx, notice.commentId, href, v.term);
  }
}

/** The proposer of the rendering commented on, and the author of the comment replied to (never the writer). */
async function commentNotices(tx: Tx, commentId: string, href: string, term: string): Promise<void> {
  const c = await tx.comment.findUniqueOrThrow({
    where: { id: commentId },
    select: {
      id: true,
      authorId: true,
      author: { select: { name: true } },
      rendering: { select: { text: true, proposer: { select: { ...RECIPIENT_SELECT, disabledAt: true } } } },
      parent: { select: { author: { select: { ...RECIPIENT_SELECT, disabledAt: true } } } },
    },
  });
  const values = { author: c.author.name, text: c.rendering.text, term };
  const replyTo = c.parent?.author;
  const proposer = c.rendering.proposer;
  const link = `${href}#c-${c.id}`;
  if (replyTo && replyTo.id !== c.authorId && !replyTo.disabledAt) {
    await sendNotice(tx, "discussion", [replyTo], link, (t) => ({ message: format(t.inApp.reply, values), subject: format(t.mail.discussion, { term }) }));
  }
  if (proposer && proposer.id !== c.authorId && proposer.id !== replyTo?.id && !proposer.disabledAt) {
    await sendNotice(tx, "discussion", [proposer], link, (t) => ({ message: format(t.inApp.comment, values), subject: format(t.mail.discussion, { term }) }));
  }
}
