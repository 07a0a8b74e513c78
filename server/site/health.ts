import "server-only";
import { db } from "@/server/db/client";
import { databaseConfig } from "@/lib/env";

export async function checkDatabase(): Promise<{ ok: boolean; provider: string }> {
  const provider = databaseConfig().provider;
  try {
    await db().$queryRawUnsafe("SELECT 1");
    return { ok: true, provider };
  } catch (e) {
    console.error("[health] database unreachable:", (e as Error).message);
    return { ok: false, provider };
  }
}
