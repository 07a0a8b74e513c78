import "server-only";
import { forbidden, unauthorized } from "@/lib/errors";
import { hasRole, type Actor, type Role } from "@/lib/permissions";

/** The first line of every mutation: a signed-in actor (401 otherwise). */
export function requireActor(actor: Actor | null | undefined): Actor {
  if (!actor) throw unauthorized();
  return actor;
}

/** A signed-in actor of at least this role (401 anonymous, 403 otherwise). */
export function requireRole(actor: Actor | null | undefined, least: Role): Actor {
  const a = requireActor(actor);
  if (!hasRole(a, least)) throw forbidden(`Only a ${least} may do this.`);
  return a;
}

/** Voting and proposing need a delegation (the tally is per delegation). */
export function requireDelegation(actor: Actor): Actor & { delegationId: string; delegation: string } {
  if (!actor.delegationId || !actor.delegation) throw forbidden("Your account has no delegation; ask an admin.");
  return actor as Actor & { delegationId: string; delegation: string };
}
