import "server-only";
import type { Adapter, AdapterUser } from "next-auth/adapters";
import { createHash } from "node:crypto";
import { db } from "@/server/db/client";

type Member = { id: string; email: string; name: string; emailVerified: Date | null; sessionVersion: number };

function toAdapterUser(u: Member): AdapterUser & { sessionVersion: number } {
  return { id: u.id, email: u.email, name: u.name, emailVerified: u.emailVerified, sessionVersion: u.sessionVersion };
}

/** Verification tokens are stored hashed (a database leak does not leak sign-in links). */
const hashed = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * The smallest adapter next-auth needs for magic links and ORCID over our own tables.
 * It never creates accounts: membership comes from invitations (the signIn callback refuses
 * strangers before any of this runs).
 */
export function membersAdapter(): Adapter {
  return {
    async createUser() {
      throw new Error("Accounts are created from invitations only");
    },
    async getUser(id) {
      const u = await db().user.findUnique({ where: { id } });
      return u ? toAdapterUser(u) : null;
    },
    async getUserByEmail(email) {
      const u = await db().user.findUnique({ where: { email: email.trim().toLowerCase() } });
      return u && !u.disabledAt ? toAdapterUser(u) : null;
    },
    async getUserByAccount({ provider, providerAccountId }) {
      if (provider === "orcid") {
        const u = await db().user.findUnique({ where: { orcid: providerAccountId } });
        return u && !u.disabledAt ? toAdapterUser(u) : null;
      }
      const a = await db().account.findUnique({
        where: { provider_providerAccountId: { provider, providerAccountId } },
        include: { user: true },
      });
      return a && !a.user.disabledAt ? toAdapterUser(a.user) : null;
    },
    async updateUser(user) {
      const u = await db().user.update({
        where: { id: user.id },
        data: { ...(user.emailVerified !== undefined ? { emailVerified: user.emailVerified } : {}) },
      });
      return toAdapterUser(u);
    },
    async linkAccount(account: { userId: string; provider: string; providerAccountId: string }) {
      await db().account.create({
        data: { userId: account.userId, provider: account.provider, providerAccountId: account.providerAccountId },
      });
    },
    async createVerificationToken(vt) {
      await db().verificationToken.create({
        data: { identifier: vt.identifier.toLowerCase(), token: hashed(vt.token), expires: vt.expires },
      });
      return vt;
    },
    async useVerificationToken({ identifier, token }) {
      const row = await db().verificationToken.findUnique({ where: { token: hashed(token) } });
      if (!row || row.identifier !== identifier.toLowerCase()) return null;
      // Single use: deleting it is the claim; a second concurrent use finds nothing.
      const { count } = await db().verificationToken.deleteMany({ where: { token: row.token } });
      return count === 1 ? { identifier: row.identifier, token, expires: row.expires } : null;
    },
  };
}
