import { createHash, randomBytes } from "node:crypto";
import { test as base, expect, type Page } from "@playwright/test";
import { hash } from "@node-rs/argon2";
import { encode } from "next-auth/jwt";
import { databaseConfig } from "../../lib/env";
import { createDb, type Db } from "../../server/db/client";
import { ensureAuthSecret } from "../../server/auth/secret";

/**
 * Fixtures in the manner of the Epic Stack: each test creates its own members in the app's
 * database (the e2e runner points DATA_DIR at the server's fresh data folder) and signs the
 * browser in by minting the session cookie, without clicking through the form.
 */
export type Role = "scholar" | "facilitator" | "admin";
export type TestUser = { id: string; email: string; name: string; password: string; role: Role; delegation: string | null };
type NewUser = { role?: Role; delegation?: string | null; name?: string; locale?: "en" | "zh"; password?: string };

let client: Db | undefined;
export function e2eDb(): Db {
  client ??= createDb(databaseConfig());
  return client;
}

export async function createUser({ role = "scholar", delegation = "Canada", name, locale = "en", password }: NewUser = {}): Promise<TestUser> {
  const db = e2eDb();
  const tag = randomBytes(4).toString("hex");
  const pw = password ?? `pw-${randomBytes(8).toString("hex")}`;
  const d = delegation ? await db.delegation.upsert({ where: { name: delegation }, update: {}, create: { name: delegation } }) : null;
  const user = await db.user.create({
    data: {
      email: `${role}-${tag}@example.org`,
      name: name ?? `${role[0]!.toUpperCase()}${role.slice(1)} ${tag}`,
      role,
      locale,
      delegationId: d?.id ?? null,
      passwordHash: await hash(pw, { algorithm: 2 }),
    },
  });
  return { id: user.id, email: user.email, name: user.name, password: pw, role, delegation: d?.name ?? null };
}

export async function signInBrowser(page: Page, user: Pick<TestUser, "id" | "email" | "name">, baseURL: string): Promise<void> {
  const secret = ensureAuthSecret();
  const sv = (await e2eDb().user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion;
  const token = await encode({ token: { sub: user.id, uid: user.id, sv, name: user.name, email: user.email }, secret });
  await page.context().addCookies([
    { name: "next-auth.session-token", value: token, url: baseURL, httpOnly: true, sameSite: "Lax" },
  ]);
}

/** An API token for the member, stored hashed as createApiToken does. */
export async function apiToken(userId: string): Promise<string> {
  const token = `gs_${randomBytes(32).toString("base64url")}`;
  const tokenHash = createHash("sha256").update(token).digest("hex");
  await e2eDb().apiToken.create({ data: { userId, tokenHash, prefix: token.slice(0, 10) } });
  return token;
}

export const test = base.extend<{ loginAs: (opts?: NewUser) => Promise<{ user: TestUser }> }>({
  loginAs: async ({ page, baseURL }, use) => {
    await use(async (opts) => {
      const user = await createUser(opts);
      await signInBrowser(page, user, baseURL!);
      return { user };
    });
  },
});

export { expect };
