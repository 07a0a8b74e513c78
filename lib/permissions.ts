/**
 * Who may do what (domain.md, "Who may do what"), as pure functions over the actor.
 * Services call these at the top of every mutation; pages use them only to hide controls.
 */
export const ROLES = ["scholar", "facilitator", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** The signed-in person performing an action, as resolved from a session or an API token. */
export type Actor = {
  id: string;
  email: string;
  name: string;
  role: Role;
  delegationId: string | null;
  delegation: string | null;
  locale: "en" | "zh";
  via: "session" | "token";
};

const RANK: Record<Role, number> = { scholar: 0, facilitator: 1, admin: 2 };

export function hasRole(actor: Pick<Actor, "role"> | null | undefined, least: Role): boolean {
  return !!actor && RANK[actor.role] >= RANK[least];
}

/** Facilitators steer terms (stages, merges, hiding, decisions, invitations). */
export const canFacilitate = (actor: Actor | null | undefined) => hasRole(actor, "facilitator");
/** Admins manage delegations, roles and settings. */
export const canAdminister = (actor: Actor | null | undefined) => hasRole(actor, "admin");

/** Facilitators invite scholars; only admins may invite facilitators or admins. */
export function canInvite(actor: Actor | null | undefined, role: Role): boolean {
  return role === "scholar" ? canFacilitate(actor) : canAdminister(actor);
}
