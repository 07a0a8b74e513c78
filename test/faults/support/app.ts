/**
 * One built server on a fresh database for a `describe` block: built once into .next-faults,
 * started in `before`, stopped (by pid) and its database dropped in `after`.
 */
import { after, before } from "node:test";
import { openSql, type Sql } from "./db";
import { AppServer, createAppDatabase, ensureBuild, type AppDatabase, type Engine } from "./server";

export const FAULTS_DIST_DIR = ".next-faults";

export type App = { server: AppServer; sql: Sql; database: AppDatabase };

/** `env`: the server's extra environment (e.g. a wider write admission for tests of races). */
export function useApp(engine: Engine, tag: string, { env }: { env?: Record<string, string> } = {}): () => App {
  let app: Partial<App> = {};
  before(async () => {
    // FAULTS_BUILD=1 always rebuilds; FAULTS_REUSE_BUILD=1 serves an existing build even if stale.
    ensureBuild(FAULTS_DIST_DIR, { force: process.env.FAULTS_BUILD === "1", reuse: process.env.FAULTS_REUSE_BUILD === "1" });
    const database = await createAppDatabase(engine, tag);
    app.database = database;
    app.server = await AppServer.start({ distDir: FAULTS_DIST_DIR, database, ...(env ? { env } : {}) });
    app.sql = await openSql(database.config);
  });
  after(async () => {
    await app.sql?.close();
    await app.server?.stop();
    await app.database?.drop();
    app = {};
  });
  return () => {
    if (!app.server || !app.sql || !app.database) throw new Error("the app is not running");
    return app as App;
  };
}
