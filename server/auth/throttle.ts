import "server-only";
import { db } from "@/server/db/client";
import { afterFailure, lockedFor } from "@/lib/auth/throttle";

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Milliseconds the email is still locked out for (0 = may try). */
export async function signInLockRemaining(email: string, now = new Date()): Promise<number> {
  const state = await db().signInThrottle.findUnique({ where: { email: normalizeEmail(email) } });
  return lockedFor(state, now);
}

export async function recordSignInFailure(email: string, now = new Date()): Promise<void> {
  const key = normalizeEmail(email);
  await db().$transaction(async (tx) => {
    const state = await tx.signInThrottle.findUnique({ where: { email: key } });
    const next = afterFailure(state, now);
    await tx.signInThrottle.upsert({ where: { email: key }, update: next, create: { email: key, ...next } });
  });
}

export async function clearSignInFailures(email: string): Promise<void> {
  await db().signInThrottle.deleteMany({ where: { email: normalizeEmail(email) } });
}
