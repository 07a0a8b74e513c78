import "server-only";
import { createTransport } from "nodemailer";
import type { Prisma } from "@/generated/sqlite/client";
import { env } from "@/lib/env";
import { retryDelayMs } from "@/lib/notices/backoff";
import { db } from "@/server/db/client";
import type { Tx } from "@/server/site/audit";

/**
 * The mail outbox. A change that tells someone something writes its mails here in its own
 * transaction, so a mail exists exactly when the change committed, and sending can neither
 * block nor fail the change. The server delivers them (server/notices/schedule.ts): right
 * after the commit, and every half minute for mails that failed, with growing delays
 * (lib/notices/backoff.ts). A mail leaves the table's queue only when the SMTP server took it.
 */

export type MailDraft = {
  kind: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
};

/** Mail is written only when the site can send it (SMTP_URL); the notices in the app are written anyway. */
export function mailEnabled(): boolean {
  return !!env().SMTP_URL;
}

export async function enqueueMails(tx: Tx, mails: MailDraft[]): Promise<void> {
  if (mails.length === 0) return;
  await tx.outboxMail.createMany({
    data: mails.map((m) => ({
      kind: m.kind,
      to: m.to,
      subject: m.subject,
      text: m.text,
      html: m.html ?? "",
      headers: (m.headers ?? {}) as Prisma.InputJsonObject,
    })),
  });
}

/** How long a delivering instance holds a mail it took before another may try it. */
export const LEASE_MS = 2 * 60_000;
/** Mails whose body is a credential (an invitation link): blanked once sent. */
const SECRET_KINDS = new Set(["invitation"]);
/** A run stops after this many failures: the SMTP server is probably down; the next run tries again. */
const FAILURES_PER_RUN = 3;

export type Delivery = { sent: number; failed: number };

/**
 * The SMTP URL with the options of a delivery run: one pooled connection reused for the run's
 * mails (a connection per mail is slow), and short timeouts, so a server that is down fails the
 * run fast. Options in SMTP_URL's own query win.
 */
function transportUrl(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  const defaults = { pool: "true", maxConnections: "1", connectionTimeout: "10000", greetingTimeout: "10000", socketTimeout: "20000" };
  for (const [k, v] of Object.entries(defaults)) if (!url.searchParams.has(k)) url.searchParams.set(k, v);
  return url.toString();
}

/**
 * Sends the mails that are due, oldest first. Each is first taken with a conditional update (its
 * next attempt moved a lease ahead), so two instances never send the same mail twice in a row.
 */
export async function deliverDueMails(
  { smtpUrl = env().SMTP_URL, from = env().SMTP_FROM, now = () => new Date(), batch = 50 }: { smtpUrl?: string; from?: string; now?: () => Date; batch?: number } = {},
): Promise<Delivery> {
  const result: Delivery = { sent: 0, failed: 0 };
  if (!smtpUrl) return result;
  const transport = createTransport(transportUrl(smtpUrl));
  try {
    while (result.failed < FAILURES_PER_RUN) {
      const due = await db().outboxMail.findMany({
        where: { sentAt: null, nextAttemptAt: { lte: now() } },
        // New mails first: a backlog of retries (a server that was down) does not hold them up.
        orderBy: [{ attempts: "asc" }, { nextAttemptAt: "asc" }, { id: "asc" }],
        take: batch,
      });
      if (due.length === 0) break;
      for (const mail of due) {
        if (result.failed >= FAILURES_PER_RUN) break;
        const at = now();
        const taken = await db().outboxMail.updateMany({
          where: { id: mail.id, sentAt: null, nextAttemptAt: mail.nextAttemptAt },
          data: { nextAttemptAt: new Date(at.getTime() + LEASE_MS) },
        });
        if (taken.count !== 1) continue;
        try {
          const info = await transport.sendMail({
            from,
            to: mail.to,
            subject: mail.subject,
            text: mail.text,
            ...(mail.html ? { html: mail.html } : {}),
            headers: mail.headers as Record<string, string>,
          });
          const refused = [...(info.rejected ?? []), ...(info.pending ?? [])];
          if (refused.length) throw new Error(`refused by the SMTP server: ${refused.map(String).join(", ")}`);
          await db().outboxMail.update({
            where: { id: mail.id },
            data: { sentAt: now(), attempts: { increment: 1 }, lastError: null, ...(SECRET_KINDS.has(mail.kind) ? { text: "", html: "" } : {}) },
          });
          result.sent++;
        } catch (e) {
          result.failed++;
          const attempts = mail.attempts + 1;
          await db().outboxMail.update({
            where: { id: mail.id },
            data: { attempts, nextAttemptAt: new Date(now().getTime() + retryDelayMs(attempts)), lastError: String((e as Error).message ?? e).slice(0, 500) },
          });
        }
      }
      if (due.length < batch) break;
    }
  } finally {
    transport.close();
  }
  return result;
}

/** Sent mails older than this are deleted (what was sent is not kept longer than needed). */
export const SENT_RETENTION_MS = 7 * 24 * 60 * 60_000;

export async function pruneSentMails(now = new Date()): Promise<number> {
  const { count } = await db().outboxMail.deleteMany({ where: { sentAt: { lt: new Date(now.getTime() - SENT_RETENTION_MS) } } });
  return count;
}
