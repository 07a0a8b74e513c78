import "server-only";
import { db } from "@/server/db/client";
import { format } from "@/lib/i18n";
import type { Actor } from "@/lib/permissions";
import { requireActor } from "@/server/auth/guard";
import type { Tx } from "@/server/site/audit";

/**
 * Messages to a member (e.g. "your comment was hidden"), written in the member's own language
 * in the same transaction as the action they report.
 */

const TEXTS = {
  rendering_hidden: {
    en: "Your proposed rendering {text} on “{term}” was hidden by a facilitator.{reason}",
    zh: "您对“{term}”提出的译名 {text} 已被主持人隐藏。{reason}",
  },
  comment_hidden: {
    en: "Your comment on {text} (“{term}”) was hidden by a facilitator.{reason}",
    zh: "您对译名 {text}（“{term}”）的评论已被主持人隐藏。{reason}",
  },
  sign_in_guessed: {
    en: "{text} failed password attempts for your account in 15 minutes. If it was not you, your password still protects the account; consider a longer one.",
    zh: "15 分钟内您的账户有 {text} 次密码错误的登录尝试。如果不是您本人，您的密码仍在保护账户；建议设置更长的密码。",
  },
  rendering_merged: {
    en: "Your proposed rendering {text} on “{term}” was merged into {into} as a duplicate; its grades and comments moved there.",
    zh: "您对“{term}”提出的译名 {text} 作为重复项并入 {into}，其评分和评论已一并移过去。",
  },
} as const;
export type NotificationKind = keyof typeof TEXTS;

const REASON = { en: " Reason: {reason}", zh: "理由：{reason}" } as const;

export async function notify(
  tx: Tx,
  userId: string,
  kind: NotificationKind,
  values: { text: string; term?: string; into?: string; reason?: string },
): Promise<void> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { locale: true } });
  if (!user) return;
  const lang = user.locale === "zh" ? "zh" : "en";
  const reason = values.reason ? format(REASON[lang], { reason: values.reason }) : "";
  const message = format(TEXTS[kind][lang], { text: values.text, term: values.term ?? "", into: values.into ?? "", reason });
  await tx.notification.create({ data: { userId, kind, message } });
}

export type NotificationView = { id: string; kind: string; message: string; href: string; createdAt: string; read: boolean };

export async function listNotifications(actor: Actor | null): Promise<NotificationView[]> {
  const me = requireActor(actor);
  const rows = await db().notification.findMany({ where: { userId: me.id }, orderBy: { createdAt: "desc" }, take: 100 });
  return rows.map((n) => ({ id: n.id, kind: n.kind, message: n.message, href: n.href, createdAt: n.createdAt.toISOString(), read: n.readAt !== null }));
}

export async function markNotificationsRead(actor: Actor | null): Promise<void> {
  const me = requireActor(actor);
  await db().notification.updateMany({ where: { userId: me.id, readAt: null }, data: { readAt: new Date() } });
}

/** How many notifications the member has not read yet (the header's badge). */
export async function unreadNotificationCount(actor: Actor): Promise<number> {
  return db().notification.count({ where: { userId: actor.id, readAt: null } });
}
