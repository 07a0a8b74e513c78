import "server-only";
import type { Actor } from "@/lib/permissions";
import { NOTICE_KINDS, type NoticeKind } from "@/lib/notices/kinds";
import { noticeSettingsSchema, type NoticeSettings } from "@/lib/schemas/notices";
import { db } from "@/server/db/client";
import { requireActor } from "@/server/auth/guard";

/** A member's own notice emails: on unless turned off (NoticeOptOut rows). */
export async function getNoticeSettings(actor: Actor | null): Promise<NoticeSettings> {
  const me = requireActor(actor);
  const off = new Set((await db().noticeOptOut.findMany({ where: { userId: me.id }, select: { kind: true } })).map((o) => o.kind));
  return Object.fromEntries(NOTICE_KINDS.map((k) => [k, !off.has(k)])) as Record<NoticeKind, boolean>;
}

export async function saveNoticeSettings(actor: Actor | null, raw: unknown): Promise<NoticeSettings> {
  const me = requireActor(actor);
  const next = noticeSettingsSchema.parse(raw);
  const off = NOTICE_KINDS.filter((k) => !next[k]);
  await db().$transaction([
    db().noticeOptOut.deleteMany({ where: { userId: me.id, kind: { notIn: off } } }),
    ...off.map((kind) => db().noticeOptOut.upsert({ where: { userId_kind: { userId: me.id, kind } }, update: {}, create: { userId: me.id, kind } })),
  ]);
  return next;
}
