import "server-only";
import { invalid, notFound } from "@/lib/errors";
import { refused } from "@/lib/membership/refusal";
import { canAdminister, type Actor } from "@/lib/permissions";
import { apiTokenInputSchema, passwordChangeSchema, profileInputSchema, type Profile } from "@/lib/schemas/account";
import { db } from "@/server/db/client";
import { requireActor } from "@/server/auth/guard";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import { createApiToken, listApiTokens, revokeApiToken } from "@/server/auth/api-tokens";

/**
 * A member's own account: profile, password, API tokens. Every write is scoped to the actor
 * (`where: { id: actor.id }`); nothing here takes another member's id.
 */

export type { Profile };

export async function getProfile(actor: Actor | null): Promise<Profile> {
  const me = requireActor(actor);
  const u = await db().user.findUnique({ where: { id: me.id }, include: { delegation: true } });
  if (!u) throw notFound("Account");
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    affiliation: u.affiliation,
    locale: u.locale === "zh" ? "zh" : "en",
    orcid: u.orcid,
    role: u.role,
    delegation: u.delegation ? { id: u.delegation.id, name: u.delegation.name, nameZh: u.delegation.nameZh } : null,
    hasPassword: !!u.passwordHash,
  };
}

/**
 * Name, affiliation, language, ORCID iD; the delegation only for admins (read-only for everyone
 * else). Fields left out keep their value (PATCH semantics for the API).
 */
export async function updateProfile(actor: Actor | null, raw: unknown): Promise<Profile> {
  const me = requireActor(actor);
  const current = await getProfile(me);
  const given = typeof raw === "object" && raw !== null ? raw : {};
  const input = profileInputSchema.parse({ name: current.name, affiliation: current.affiliation, locale: current.locale, ...given });
  const delegationId = input.delegationId && input.delegationId !== me.delegationId ? input.delegationId : undefined;
  if (delegationId !== undefined) {
    if (!canAdminister(me)) throw refused("forbidden", "delegation_read_only");
    if (!(await db().delegation.findUnique({ where: { id: delegationId } }))) throw notFound("Delegation");
  }
  if (input.orcid) {
    const holder = await db().user.findUnique({ where: { orcid: input.orcid }, select: { id: true } });
    if (holder && holder.id !== me.id) throw refused("conflict", "orcid_taken", "orcid");
  }
  await db().user.update({
    where: { id: me.id },
    data: {
      name: input.name,
      affiliation: input.affiliation,
      locale: input.locale,
      ...(input.orcid !== undefined ? { orcid: input.orcid } : {}),
      ...(delegationId !== undefined ? { delegationId } : {}),
    },
  });
  return getProfile(me);
}

/**
 * Changes the actor's password and bumps their sessionVersion: every session of the account,
 * on every device, loses its rights at its next request. The page that asked signs itself in
 * again with the new password (components/account/password-form.tsx); without JavaScript the
 * person signs in again.
 */
export async function changePassword(actor: Actor | null, raw: unknown): Promise<{ email: string }> {
  const me = requireActor(actor);
  const input = passwordChangeSchema.parse(raw);
  const user = await db().user.findUnique({ where: { id: me.id } });
  if (!user) throw notFound("Account");
  // A member who signed in by email link or ORCID and has no password yet sets one without it.
  if (user.passwordHash && !(await verifyPassword(user.passwordHash, input.current))) {
    throw invalid("The request is not valid.", { current: ["current_password_wrong"] });
  }
  await db().user.update({
    where: { id: me.id },
    data: { passwordHash: await hashPassword(input.password), sessionVersion: { increment: 1 } },
  });
  return { email: user.email };
}

/**
 * A new personal API token, shown once. Only from a signed-in session: a token cannot mint
 * more tokens, so revoking a leaked one is enough.
 */
export async function createMyApiToken(actor: Actor | null, raw: unknown): Promise<{ id: string; token: string }> {
  const me = requireActor(actor);
  if (me.via !== "session") throw refused("forbidden", "token_needs_session");
  const { label } = apiTokenInputSchema.parse(raw);
  return createApiToken(me.id, label);
}

export async function listMyApiTokens(actor: Actor | null) {
  return listApiTokens(requireActor(actor));
}

export async function revokeMyApiToken(actor: Actor | null, id: string): Promise<void> {
  await revokeApiToken(requireActor(actor), id);
}
