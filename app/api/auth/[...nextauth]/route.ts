import NextAuth from "next-auth";
import { authOptions } from "@/server/auth/options";
import { ensureAuthUrl } from "@/server/auth/origin";

type Ctx = { params: Promise<{ nextauth: string[] }> };

async function handler(req: Request, ctx: Ctx) {
  ensureAuthUrl();
  return NextAuth(req as never, ctx as never, authOptions());
}

export { handler as GET, handler as POST };
