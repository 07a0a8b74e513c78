import "server-only";
import { processWide } from "@/server/process-wide";
import { hash, verify } from "@node-rs/argon2";

// argon2id with a random per-hash salt (embedded in the PHC string); OWASP's minimum profile.
// algorithm 2 = Argon2id (the package exports it as a const enum, which isolatedModules cannot read).
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  if (!passwordHash) return false;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Same work as a real check, so an unknown email takes as long as a wrong password. */
const dummy = processWide("auth.dummyHash", (): { hash?: Promise<string> } => ({}));
export async function burnPasswordCheck(password: string): Promise<void> {
  dummy.hash ??= hashPassword("not a real password");
  await verifyPassword(await dummy.hash, password);
}
