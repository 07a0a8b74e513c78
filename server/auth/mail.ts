import "server-only";
import { createTransport } from "nodemailer";
import type { SendVerificationRequestParams } from "next-auth/providers/email";
import { format, MESSAGES } from "@/lib/i18n";
import { db } from "@/server/db/client";

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

/** The magic-link email, in the member's own language. */
export async function sendMagicLink({ identifier, url, provider }: SendVerificationRequestParams): Promise<void> {
  const user = await db().user.findUnique({ where: { email: identifier.toLowerCase() } });
  const t = MESSAGES[user?.locale === "zh" ? "zh" : "en"].auth;
  const transport = createTransport(provider.server);
  const result = await transport.sendMail({
    to: identifier,
    from: provider.from,
    subject: t.mailSubject,
    text: `${t.mailIntro}\n\n${url}\n\n${t.mailIgnore}\n`,
    html: `<p>${escapeHtml(t.mailIntro)}</p><p><a href="${escapeHtml(url)}">${escapeHtml(t.mailButton)}</a></p><p>${escapeHtml(t.mailIgnore)}</p>`,
  });
  const failed = [...(result.rejected ?? []), ...(result.pending ?? [])];
  if (failed.length) throw new Error(`Email could not be sent to ${failed.join(", ")}`);
}

/** Tells a member their account is being guessed at (server/auth/throttle.ts decides when). */
export async function sendGuessingAlert(server: string, from: string, to: { email: string; locale: string }, count: number): Promise<void> {
  const t = MESSAGES[to.locale === "zh" ? "zh" : "en"].auth;
  const body = format(t.guessMailBody, { count: String(count), email: to.email });
  await createTransport(server).sendMail({ to: to.email, from, subject: t.guessMailSubject, text: `${body}\n`, html: `<p>${escapeHtml(body)}</p>` });
}
