import { createHash, randomBytes } from "node:crypto";
import { e2eDb, type Role } from "./auth";

/** An invitation written straight into the app's database (for states the UI cannot make quickly, e.g. expired). */
export async function createInviteLink({
  delegation = "Canada",
  role = "scholar",
  maxUses = 1,
  expiresAt = new Date(Date.now() + 7 * 86_400_000),
}: { delegation?: string; role?: Role; maxUses?: number; expiresAt?: Date } = {}): Promise<{ id: string; path: string }> {
  const token = randomBytes(32).toString("base64url");
  const d = await e2eDb().delegation.findUniqueOrThrow({ where: { name: delegation } });
  const row = await e2eDb().invite.create({
    data: { tokenHash: createHash("sha256").update(token).digest("hex"), delegationId: d.id, role, maxUses, expiresAt },
  });
  return { id: row.id, path: `/invite/${token}` };
}

let n = 0;
/** A person who is not a member yet. */
export function newcomer(name: string) {
  n += 1;
  const tag = `${Date.now().toString(36)}${n}`;
  return { name, email: `${name.split(" ")[0]!.toLowerCase()}-${tag}@example.org`, password: `pw-${randomBytes(6).toString("hex")}` };
}
