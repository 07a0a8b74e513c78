import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";

/**
 * The secret that signs sessions: NEXTAUTH_SECRET when set (production, several instances
 * must share it), else one generated on first start and kept in the data folder (never in git).
 */
export function authSecretFile(): string {
  return path.resolve(env().DATA_DIR, "auth-secret");
}

export function ensureAuthSecret(): string {
  const fromEnv = env().NEXTAUTH_SECRET;
  if (fromEnv) return fromEnv;
  const file = authSecretFile();
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
  return secret;
}
