import "server-only";
import { refused } from "@/lib/membership/refusal";
import type { Role } from "@/lib/permissions";
import { newAccountSchema, type NewAccount } from "@/lib/schemas/account";
import { db } from "@/server/db/client";
import { hashPassword } from "@/server/auth/password";
import { recordAudit, type Tx } from "@/server/site/audit";
import { getSiteSettings } from "@/server/site/settings";

/**
 * Creating accounts. Every way in (an invitation, open sign-up, the operator CLI) ends here;
 * where the delegation and role come from is decided by the caller, never by the person.
 */

export type Placement = { delegationId: string; role: Role };
export type CreatedAccount = { id: string; email: string; name: string; role: Role; delegationId: string | null };

export function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: unknown }).code === "P2002";
}

/** Inserts the user inside the caller's transaction; an email in use is a 409 with a clear message. */
export async function insertAccount(
  tx: Tx,
  account: Omit<NewAccount, "password"> & { passwordHash: string | null },
  placement: Placement,
): Promise<CreatedAccount> {
  if (await tx.user.findUnique({ where: { email: account.email }, select: { id: true } })) {
    throw refused("conflict", "email_taken", "email");
  }
  try {
    return await tx.user.create({
      data: { ...account, delegationId: placement.delegationId, role: placement.role },
      select: { id: true, email: true, name: true, role: true, delegationId: true },
    });
  } catch (e) {
    // Two sign-ups with one email at the same moment: the unique index decides.
    if (isUniqueViolation(e)) throw refused("conflict", "email_taken", "email");
    throw e;
  }
}

/** Serialized transactions may queue on SQLite's single writer; wait rather than fail. */
export const TX_OPTIONS = { maxWait: 10_000, timeout: 10_000 } as const;

/** Open sign-up (when an admin turned it on): a scholar of the configured delegation. */
export async function signUp(raw: unknown): Promise<CreatedAccount> {
  const account = newAccountSchema.parse(raw);
  const settings = await getSiteSettings();
  if (!settings.openSignUp || !settings.signUpDelegationId) {
    throw refused("forbidden", "signup_closed");
  }
  const delegationId = settings.signUpDelegationId;
  const { password, ...profile } = account;
  const passwordHash = await hashPassword(password);
  return db().$transaction(async (tx) => {
    const user = await insertAccount(tx, { ...profile, passwordHash }, { delegationId, role: "scholar" });
    await recordAudit(tx, user.id, "user.sign_up", "user", user.id, null, { email: user.email, role: user.role, delegationId });
    return user;
  }, TX_OPTIONS);
}
