/**
 * The built app as a separate process, for the fault tests, the live two-instance test and
 * the benchmarks (bench/): builds into its own folder (NEXT_DIST_DIR; scripts/app-build.mjs,
 * which the end-to-end runner shares), prepares a fresh database (a new DATA_DIR for SQLite, a
 * new PostgreSQL database), runs what `npm start` runs (scripts/prepare-db.ts, then
 * `next start`) on a free port, waits for /api/health, and kills the process group by pid at
 * the end.
 *
 * Nothing here imports the app's server code: the app is exercised only over HTTP and, for
 * set-up and checks, through the raw drivers (test/support/raw-sql.ts).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before } from "node:test";
import type { DatabaseConfig } from "@/lib/env";
import { ensureBuild, NEXT_BIN, ROOT } from "@/scripts/app-build.mjs";
import { createPostgresDatabase, type Engine } from "./db";
import { freePort } from "./ports";
import { openSql, type Sql } from "./raw-sql";

export { buildIsFresh, ensureBuild, ROOT } from "@/scripts/app-build.mjs";
export { ENGINES, type Engine } from "./db";
export type { DatabaseConfig } from "@/lib/env";

const TSX_CLI = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");

// ---------------------------------------------------------------------------------------------
// Databases

export type AppDatabase = {
  engine: Engine;
  /** What DATA_DIR and DATABASE_URL the server is started with. */
  dataDir: string;
  databaseUrl: string;
  config: DatabaseConfig;
  drop(): Promise<void>;
};

/** A fresh, empty database (migrated and seeded when the server first starts). */
export async function createAppDatabase(engine: Engine, tag = "faults"): Promise<AppDatabase> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `gongshang-${tag}-`));
  if (engine === "sqlite") {
    const file = path.join(dataDir, "gongshang.db");
    return {
      engine,
      dataDir,
      databaseUrl: "",
      config: { provider: "sqlite", file },
      async drop() {
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const { url, drop } = await createPostgresDatabase(tag);
  return {
    engine,
    dataDir,
    databaseUrl: url,
    config: { provider: "postgresql", url },
    async drop() {
      rmSync(dataDir, { recursive: true, force: true });
      await drop();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Server

export type StartOptions = {
  distDir: string;
  database: AppDatabase;
  port?: number;
  /** Extra environment for the server. */
  env?: Record<string, string>;
  /** Extra node flags for the server process (e.g. --cpu-prof). */
  nodeArgs?: string[];
  /** Skip scripts/prepare-db.ts (migrations + seed), e.g. to time a bare restart. */
  skipPrepare?: boolean;
};

/** A fixed secret, so tests can mint session cookies (next-auth JWTs) for their users. */
export const TEST_AUTH_SECRET = "faults-and-benchmarks-secret-" + "x".repeat(16);

export class AppServer {
  private child: ChildProcess | undefined;
  private output = "";
  /** How the last server process ended (undefined while it runs). */
  exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  private exited: Promise<void> = Promise.resolve();
  readonly url: string;

  private constructor(
    readonly options: StartOptions & { port: number },
  ) {
    this.url = `http://127.0.0.1:${options.port}`;
  }

  static async start(options: StartOptions): Promise<AppServer> {
    const server = new AppServer({ ...options, port: options.port ?? (await freePort()) });
    await server.launch();
    return server;
  }

  get database() {
    return this.options.database;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  env(): NodeJS.ProcessEnv {
    const { database, distDir, port } = this.options;
    return {
      ...process.env,
      ...this.options.env,
      DATA_DIR: database.dataDir,
      DATABASE_URL: database.databaseUrl,
      NEXT_DIST_DIR: distDir,
      NEXTAUTH_SECRET: TEST_AUTH_SECRET,
      // An empty NEXTAUTH_URL in `env` leaves it unset (the zero-configuration run).
      NEXTAUTH_URL: this.options.env?.NEXTAUTH_URL ?? `http://127.0.0.1:${port}`,
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
      PORT: String(port),
    };
  }

  /** What `npm start` does: prepare the database, then `next start`. */
  async launch(): Promise<void> {
    this.exit = undefined;
    if (!this.options.skipPrepare) this.prepare();
    const child = spawn(process.execPath, [...(this.options.nodeArgs ?? []), NEXT_BIN, "start", "-p", String(this.options.port), "-H", "127.0.0.1"], {
      cwd: ROOT,
      env: this.env(),
      detached: true, // its own process group: kill(-pid) reaches every process it starts
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.child = child;
    const keep = (b: Buffer) => {
      if (this.output.length < 5_000_000) this.output += b.toString();
    };
    child.stdout!.on("data", keep);
    child.stderr!.on("data", keep);
    this.exited = new Promise((resolve) =>
      child.once("exit", (code, signal) => {
        this.exit = { code, signal };
        resolve();
      }),
    );
    try {
      await this.waitHealthy(60_000);
    } catch (e) {
      await this.crash(); // never leave a half-started server behind
      throw e;
    }
  }

  prepare(): void {
    const r = spawnSync(process.execPath, [TSX_CLI, "--conditions=react-server", "scripts/prepare-db.ts"], {
      cwd: ROOT,
      env: this.env(),
      encoding: "utf8",
    });
    if (r.status !== 0) throw new Error(`prepare-db failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
    this.output += r.stdout + r.stderr;
  }

  private async waitHealthy(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let exited = false;
    void this.exited.then(() => (exited = true));
    while (Date.now() < deadline) {
      if (exited) throw new Error(`the server exited while starting:\n${this.logs()}`);
      try {
        const res = await fetch(`${this.url}/api/health`, { signal: AbortSignal.timeout(2000) });
        if (res.status === 200) return;
      } catch {
        // not listening yet
      }
      await sleep(150);
    }
    throw new Error(`the server did not become healthy within ${timeoutMs} ms:\n${this.logs()}`);
  }

  logs(): string {
    return this.output.slice(-8000);
  }

  /** Server output so far (for assertions such as "no unexpected error was logged"). */
  allLogs(): string {
    return this.output;
  }

  private signal(sig: NodeJS.Signals) {
    const pid = this.child?.pid;
    if (pid === undefined || this.child?.exitCode !== null || this.child?.signalCode !== null) return false;
    try {
      process.kill(-pid, sig);
    } catch {
      try {
        process.kill(pid, sig);
      } catch {
        return false;
      }
    }
    return true;
  }

  /** SIGKILL to the whole process group, no chance to clean up. */
  async crash(): Promise<void> {
    if (this.signal("SIGKILL")) await this.exited;
  }

  /** SIGTERM, then SIGKILL after 5 s. */
  async stop(): Promise<void> {
    if (!this.signal("SIGTERM")) return;
    const t = setTimeout(() => this.signal("SIGKILL"), 5000);
    await this.exited;
    clearTimeout(t);
  }

  /** Starts again on the same port and database, as after a crash (prepare-db runs again). */
  async restart(): Promise<void> {
    await this.stop();
    await this.launch();
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

// ---------------------------------------------------------------------------------------------
// One app for a suite

/** The build the fault tests serve. */
export const FAULTS_DIST_DIR = ".next-faults";

export type App = { server: AppServer; sql: Sql; database: AppDatabase };

/**
 * One built server on a fresh database for a `describe` block: built once into `distDir`
 * (FAULTS_BUILD=1 always rebuilds; FAULTS_REUSE_BUILD=1 serves an existing build even if
 * stale), started in `before`, stopped (by pid) and its database dropped in `after`.
 * `env`: the server's extra environment (e.g. a wider write admission for tests of races).
 */
export function useApp(
  engine: Engine,
  tag: string,
  { env, distDir = FAULTS_DIST_DIR }: { env?: Record<string, string>; distDir?: string } = {},
): () => App {
  let app: Partial<App> = {};
  before(async () => {
    ensureBuild(distDir, { force: process.env.FAULTS_BUILD === "1", reuse: process.env.FAULTS_REUSE_BUILD === "1" });
    const database = await createAppDatabase(engine, tag);
    app.database = database;
    app.server = await AppServer.start({ distDir, database, ...(env ? { env } : {}) });
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
