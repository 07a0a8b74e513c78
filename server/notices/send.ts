import "server-only";
import { format, MESSAGES, type Messages } from "@/lib/i18n";
import type { NoticeKind } from "@/lib/notices/kinds";
import type { Tx } from "@/server/site/audit";
import { enqueueMails, mailEnabled, type MailDraft } from "@/server/notices/outbox";
import { unsubscribeToken } from "@/server/notices/unsubscribe";
import { mailSiteUrl } from "@/server/site/url";

/**
 * A notice to members: one message in the app (Notification) for each, and an email (outbox)
 * to those who did not turn the kind off, each in the member's own language, written in the
 * caller's transaction. The email carries a one-click unsubscribe link in its text and in the
 * List-Unsubscribe / List-Unsubscribe-Post headers (RFC 8058).
 */
export type Recipient = { id: string; email: string; locale: string };
export type NoticeText = { message: string; subject: string };
export type Lang = "en" | "zh";

export async function sendNotice(
  tx: Tx,
  kind: NoticeKind,
  recipients: Recipient[],
  href: string,
  text: (t: Messages["notices"], lang: Lang) => NoticeText,
): Promise<void> {
  if (recipients.length === 0) return;
  const lang = (r: Recipient): Lang => (r.locale === "zh" ? "zh" : "en");
  await tx.notification.createMany({
    data: recipients.map((r) => ({ userId: r.id, kind, href, message: text(MESSAGES[lang(r)].notices, lang(r)).message })),
  });
  if (!mailEnabled()) return;
  const off = new Set(
    (await tx.noticeOptOut.findMany({ where: { kind, userId: { in: recipients.map((r) => r.id) } }, select: { userId: true } })).map((o) => o.userId),
  );
  const base = mailSiteUrl();
  const mails: MailDraft[] = recipients
    .filter((r) => !off.has(r.id))
    .map((r) => {
      const t = MESSAGES[lang(r)].notices;
      const { message, subject } = text(t, lang(r));
      const token = unsubscribeToken(r.id, kind);
      const page = `${base}/unsubscribe/${token}`;
      return {
        kind,
        to: r.email,
        subject,
        text: [message, href ? format(t.open, { url: `${base}${href}` }) : "", "-- ", format(t.footer, { url: page }), format(t.footerSettings, { url: `${base}/profile#notices` })]
          .filter(Boolean)
          .join("\n\n"),
        headers: { "List-Unsubscribe": `<${base}/api/unsubscribe/${token}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
      };
    });
  await enqueueMails(tx, mails);
}

export const RECIPIENT_SELECT = { id: true, email: true, locale: true } as const;
