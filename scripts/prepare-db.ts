// `npm start` runs this first: validate the environment, apply pending migrations, seed, prune
// the live event log (the running server prunes it hourly too: instrumentation.ts).
// Failures print one clear message instead of a stack trace.
import { EnvError, databaseConfig, env, redactUrl } from "@/lib/env";
import { createDb } from "@/server/db/client";
import { MigrationError, migrate } from "@/server/db/migrate";
import { seed } from "@/server/seed/seed";
import { ensureAuthSecret } from "@/server/auth/secret";
import { pruneTermEvents } from "@/server/live/prune";

function fail(message: string): never {
  console.error(`gongshang: ${message}`);
  process.exit(1);
}

async function main() {
  let config;
  try {
    env();
    config = databaseConfig();
  } catch (e) {
    if (e instanceof EnvError) fail(e.message);
    throw e;
  }
  const where = config.provider === "sqlite" ? `SQLite ${config.file}` : `PostgreSQL ${redactUrl(config.url)}`;
  try {
    const applied = await migrate(config);
    console.log(`gongshang: database ${where}: ${applied.length ? `applied ${applied.join(", ")}` : "up to date"}`);
  } catch (e) {
    if (e instanceof MigrationError) fail(`database ${where}: ${e.message}`);
    const code = (e as { code?: string }).code;
    if (config.provider === "postgresql") {
      fail(`cannot use PostgreSQL at ${redactUrl(config.url)} (${code ?? (e as Error).message}). Is it running, and does the database exist?`);
    }
    fail(`cannot open SQLite database ${config.file}: ${(e as Error).message}`);
  }
  const db = createDb(config);
  try {
    await seed(db);
    await pruneLiveEvents(db);
  } finally {
    await db.$disconnect();
  }
  ensureAuthSecret();
}

/** Pruning late only keeps rows longer: a failure is reported, and does not stop the start. */
async function pruneLiveEvents(db: ReturnType<typeof createDb>) {
  const days = env().LIVE_EVENT_RETENTION_DAYS;
  try {
    const r = await pruneTermEvents(db, { retentionDays: days });
    if (r.deleted) console.log(`gongshang: pruned ${r.deleted} live events older than ${days} days`);
  } catch (e) {
    console.error(`gongshang: pruning live events failed (the server prunes again hourly): ${(e as Error).message}`);
  }
}

main().catch((e) => fail((e as Error).stack ?? String(e)));
