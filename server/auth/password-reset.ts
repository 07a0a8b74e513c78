import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { createTransport } from "nodemailer";
import { AppError } from "@/lib/errors";
import { env } from "@/lib/env";
import { format, MESSAGES } from "@/lib/i18n";
import { refused } from "@/lib/membership/refusal";
import { RESET_LIMITS, retryAfterSeconds, windowVerdict, type WindowRule } from "@/lib/rate-limit";
import { RESET_TTL_MS, resetConfirmSchema, resetRequestSchema } from "@/lib/schemas/password-reset";
import { db } from "@/server/db/client";
import { hashPassword } from "@/server/auth/password";
import { countHit } from "@/server/site/rate-limit";
import { mailSiteUrl } from "@/server/site/url";

/**
 * Password reset by email. The request answers the same whether or not the address is a
 * member's (the route returns 202 either way, and the mail leaves after the answer); the link's
 * secret is 32 random bytes, of which the database keeps only the SHA-256; it works once,
 * within RESET_TTL_MS, and setting the password bumps the member's sessionVersion, which ends
 * every session of the account. The mail is sent directly, not through the outbox: the outbox
 * would have to keep the link, and the link is a credential.
 */
export function hashResetToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export type ResetMail = { to: string; locale: string; url: string };

async function limit(key: string, rule: WindowRule, now: Date): Promise<void> {
  const row = await countHit(key, rule.windowMs, now);
  const verdict = windowVerdict(rule, row.count, row.windowStart, now);
  if (verdict.ok) return;
  const seconds = retryAfterSeconds(verdict.retryAfterMs);
  throw new AppError("rate_limited", `Too many reset requests: try again in ${seconds} s.`, { retryAfterSeconds: seconds });
}

export async function requestPasswordReset(
  raw: unknown,
  client: string,
  { now = new Date(), send = sendResetMail }: { now?: Date; send?: (mail: ResetMail) => Promise<void> } = {},
): Promise<void> {
  const { email } = resetRequestSchema.parse(raw);
  await limit(`reset:client:${client}`, RESET_LIMITS.client, now);
  await limit(`reset:address:${email}`, RESET_LIMITS.address, now);
  const user = await db().user.findUnique({ where: { email }, select: { id: true, email: true, locale: true, disabledAt: true } });
  if (!user || user.disabledAt) return;
  const token = randomBytes(32).toString("base64url");
  await db().passwordReset.create({ data: { tokenHash: hashResetToken(token), userId: user.id, expiresAt: new Date(now.getTime() + RESET_TTL_MS) } });
  // Not awaited: the answer must not take longer for a member than for a stranger.
  void send({ to: user.email, locale: user.locale, url: `${mailSiteUrl()}/reset-password/${token}` }).catch((e: unknown) =>
    console.error("[reset] the reset mail could not be sent:", (e as Error).message),
  );
}

async function sendResetMail({ to, locale, url }: ResetMail): Promise<void> {
  const e = env();
  if (!e.SMTP_URL) return;
  const t = MESSAGES[locale === "zh" ? "zh" : "en"].reset;
  const intro = format(t.mailIntro, { email: to });
  const info = await createTransport(e.SMTP_URL).sendMail({ to, from: e.SMTP_FROM, subject: t.mailSubject, text: `${intro}\n\n${url}\n\n${t.mailIgnore}\n` });
  const failed = [...(info.rejected ?? []), ...(info.pending ?? [])];
  if (failed.length) throw new Error(`refused: ${failed.map(String).join(", ")}`);
}

export type ResetLinkState = "valid" | "unknown" | "used" | "expired";

/** What the reset page says before anything is typed. */
export async function inspectResetToken(token: string, now = new Date()): Promise<ResetLinkState> {
  const row = await db().passwordReset.findUnique({ where: { tokenHash: hashResetToken(token) } });
  if (!row) return "unknown";
  if (row.usedAt) return "used";
  if (row.expiresAt <= now) return "expired";
  return "valid";
}

/**
 * Sets the new password: claims the link with a conditional update (of two simultaneous uses
 * only one matches), sets the password, bumps sessionVersion and retires the member's other
 * open links, in one transaction.
 */
export async function confirmPasswordReset(raw: unknown, now = new Date()): Promise<{ email: string }> {
  const input = resetConfirmSchema.parse(raw);
  const tokenHash = hashResetToken(input.token);
  const found = await db().passwordReset.findUnique({ where: { tokenHash }, include: { user: { select: { email: true, disabledAt: true } } } });
  if (!found || found.user.disabledAt) throw refused("not_found", "reset_unknown", "token");
  if (found.usedAt) throw refused("conflict", "reset_used", "token");
  if (found.expiresAt <= now) throw refused("conflict", "reset_expired", "token");
  const passwordHash = await hashPassword(input.password);
  await db().$transaction(async (tx) => {
    const claim = await tx.passwordReset.updateMany({ where: { id: found.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (claim.count !== 1) throw refused("conflict", "reset_used", "token");
    await tx.user.update({ where: { id: found.userId }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await tx.passwordReset.updateMany({ where: { userId: found.userId, usedAt: null }, data: { usedAt: now } });
  });
  return { email: found.user.email };
}
