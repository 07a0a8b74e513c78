import "server-only";
import { env } from "@/lib/env";
import { ALERT_AT } from "@/lib/auth/throttle";
import { db } from "@/server/db/client";
import { notify } from "@/server/site/notifications";
import { sendGuessingAlert } from "@/server/auth/mail";

/**
 * Tells a member that their account is being guessed at: a notification they see when they
 * next sign in, and an email when mail is configured. Never fails the sign-in it came from.
 */
export async function tellGuessedMember(user: { id: string; email: string; locale: string }): Promise<void> {
  try {
    await notify(db(), user.id, "sign_in_guessed", { text: String(ALERT_AT) });
    const { SMTP_URL, SMTP_FROM } = env();
    if (SMTP_URL) await sendGuessingAlert(SMTP_URL, SMTP_FROM, user, ALERT_AT);
  } catch (e) {
    console.error("[auth] could not tell a member their account is being guessed at:", (e as Error).message);
  }
}
