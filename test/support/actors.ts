import { randomBytes } from "node:crypto";
import type { Db } from "@/server/db/client";
import type { Actor, Role } from "@/lib/permissions";

/**
 * Creates a real user in the test database and returns the Actor a request of theirs would
 * resolve to. Delegations are created on demand (China and Canada exist after the seed).
 */
export async function createActor(
  db: Db,
  { role = "scholar", delegation = "Canada", name }: { role?: Role; delegation?: string | null; name?: string } = {},
): Promise<Actor> {
  const d = delegation
    ? await db.delegation.upsert({ where: { name: delegation }, update: {}, create: { name: delegation } })
    : null;
  const tag = randomBytes(4).toString("hex");
  const user = await db.user.create({
    data: {
      email: `${role}-${tag}@example.org`,
      name: name ?? `${role} ${tag}`,
      role,
      delegationId: d?.id ?? null,
    },
  });
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role,
    delegationId: d?.id ?? null,
    delegation: d?.name ?? null,
    locale: "en",
    via: "token",
  };
}
