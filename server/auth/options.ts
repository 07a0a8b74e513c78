import "server-only";
import type { NextAuthOptions, User } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import EmailProvider from "next-auth/providers/email";
import { env } from "@/lib/env";
import { orcidEndpoints, orcidProfile } from "@/lib/auth/orcid";
import { db } from "@/server/db/client";
import { ensureAuthSecret } from "@/server/auth/secret";
import { burnPasswordCheck, verifyPassword } from "@/server/auth/password";
import { countSignInAttempt, normalizeEmail, settleSignInAttempt } from "@/server/auth/throttle";
import { tellGuessedMember } from "@/server/auth/guess-alert";
import { clientAddress } from "@/server/http/client-address";
import { membersAdapter } from "@/server/auth/adapter";
import { sendMagicLink } from "@/server/auth/mail";

/** Error codes the sign-in page explains in the reader's language. */
export const SIGN_IN_ERRORS = ["CredentialsSignin", "Locked", "AccessDenied", "Verification", "Default"] as const;

type SessionUser = User & { sessionVersion: number };

export function authOptions(): NextAuthOptions {
  const e = env();
  const providers: NextAuthOptions["providers"] = [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const email = normalizeEmail(String(credentials?.email ?? ""));
        const password = String(credentials?.password ?? "");
        if (!email || !password) return null;
        // Counted before the password is checked, atomically: parallel guesses cannot outrun
        // the limits; per account and client, so a stranger cannot lock the member out.
        const client = clientAddress(req?.headers);
        if (!(await countSignInAttempt(email, client)).check) throw new Error("Locked");
        const user = await db().user.findUnique({ where: { email } });
        const ok = user ? await verifyPassword(user.passwordHash, password) : (await burnPasswordCheck(password), false);
        const success = !!user && ok && !user.disabledAt;
        const { alert } = await settleSignInAttempt(email, client, success);
        if (alert && user) void tellGuessedMember(user);
        if (!success) return null;
        return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion } as SessionUser;
      },
    }),
  ];
  if (e.SMTP_URL) {
    providers.push(
      EmailProvider({
        server: e.SMTP_URL,
        from: e.SMTP_FROM,
        maxAge: 15 * 60,
        sendVerificationRequest: sendMagicLink,
      }),
    );
  }
  if (e.ORCID_CLIENT_ID && e.ORCID_CLIENT_SECRET) {
    const endpoints = orcidEndpoints(e.ORCID_SANDBOX === "true");
    providers.push({
      id: "orcid",
      name: "ORCID",
      type: "oauth",
      clientId: e.ORCID_CLIENT_ID,
      clientSecret: e.ORCID_CLIENT_SECRET,
      authorization: { url: endpoints.authorization, params: { scope: "/authenticate" } },
      token: endpoints.token,
      // ORCID's token response carries the iD and name; no userinfo call is needed.
      userinfo: {
        request: async ({ tokens }) => ({ orcid: String(tokens.orcid ?? ""), name: typeof tokens.name === "string" ? tokens.name : undefined }),
      },
      checks: ["state"],
      profile: (p) => orcidProfile(p),
    });
  }
  return {
    secret: ensureAuthSecret(),
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    adapter: membersAdapter(),
    providers,
    pages: { signIn: "/signin", error: "/signin", verifyRequest: "/signin/check-email" },
    callbacks: {
      // A closed group: only existing, enabled members sign in, whatever the provider.
      async signIn({ user, account }) {
        if (account?.provider === "credentials") return true;
        if (account?.provider === "orcid") {
          const member = await db().user.findUnique({ where: { orcid: account.providerAccountId } });
          return !!member && !member.disabledAt;
        }
        const email = user.email ? normalizeEmail(user.email) : "";
        const member = email ? await db().user.findUnique({ where: { email } }) : null;
        return !!member && !member.disabledAt;
      },
      async jwt({ token, user }) {
        if (user) {
          const u = user as Partial<SessionUser>;
          token.uid = user.id;
          token.sv = u.sessionVersion ?? (await db().user.findUnique({ where: { id: user.id } }))?.sessionVersion ?? 0;
        }
        return token;
      },
      async session({ session, token }) {
        return { ...session, uid: token.uid };
      },
    },
  };
}
