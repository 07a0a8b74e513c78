import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { isNoticeKind, type NoticeKind } from "@/lib/notices/kinds";
import { ensureAuthSecret } from "@/server/auth/secret";
import { db } from "@/server/db/client";

/**
 * One-click unsubscribe links (RFC 8058): `<userId>.<kind>.<HMAC-SHA256>` signed with the
 * site's secret, so the link needs no sign-in and cannot be forged for another member or kind.
 * It stays valid (there is nothing to expire: following it again changes nothing).
 */
function signature(userId: string, kind: NoticeKind): string {
  return createHmac("sha256", ensureAuthSecret()).update(`unsubscribe:${userId}:${kind}`).digest("base64url");
}

export function unsubscribeToken(userId: string, kind: NoticeKind): string {
  return `${userId}.${kind}.${signature(userId, kind)}`;
}

export function readUnsubscribeToken(token: string): { userId: string; kind: NoticeKind } | null {
  const [userId, kind, sig, ...rest] = token.split(".");
  if (!userId || !sig || rest.length || !isNoticeKind(kind)) return null;
  const expected = Buffer.from(signature(userId, kind));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { userId, kind };
}

export type UnsubscribeLanding = { state: "invalid" } | { state: "valid"; kind: NoticeKind; email: string; off: boolean };

/** What the unsubscribe page shows (GET changes nothing: mail scanners open links). */
export async function inspectUnsubscribe(token: string): Promise<UnsubscribeLanding> {
  const read = readUnsubscribeToken(token);
  if (!read) return { state: "invalid" };
  const user = await db().user.findUnique({ where: { id: read.userId }, select: { email: true, noticeOptOuts: { where: { kind: read.kind } } } });
  if (!user) return { state: "invalid" };
  return { state: "valid", kind: read.kind, email: user.email, off: user.noticeOptOuts.length > 0 };
}

/** Turns the kind's emails off for the link's member; false for a link that is not valid. */
export async function unsubscribe(token: string): Promise<boolean> {
  const read = readUnsubscribeToken(token);
  if (!read) return false;
  const user = await db().user.findUnique({ where: { id: read.userId }, select: { id: true } });
  if (!user) return false;
  await db().noticeOptOut.upsert({
    where: { userId_kind: { userId: read.userId, kind: read.kind } },
    update: {},
    create: { userId: read.userId, kind: read.kind },
  });
  return true;
}
