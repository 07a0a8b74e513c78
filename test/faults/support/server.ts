/**
 * The built app as a separate process, for fault tests and benchmarks (bench/): builds into
 * its own folder (NEXT_DIST_DIR), prepares a fresh database (a new DATA_DIR for SQLite, a new
 * PostgreSQL database), runs what `npm start` runs (scripts/prepare-db.ts, then `next start`)
 * on a free port, waits for /api/health, and kills the process group by pid at the end.
 *
 * Nothing here imports the app's server code: the app is exercised only over HTTP and, for
 * set-up and checks, through the raw drivers (test/faults/support/db.ts).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

export type Engine = "sqlite" | "postgresql";
export const ENGINES: Engine[] = ["sqlite", "postgresql"];

export const ROOT = path.resolve(__dirname, "..", "..", "..");
const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
const TSX_CLI = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");

/** The local PostgreSQL service (same variable and default as test/support/databases.ts). */
export const PG_ADMIN_URL = process.env.TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

// ---------------------------------------------------------------------------------------------
// Build

/** What a build depends on: when any of these is newer than the build, it is rebuilt. */
const SOURCES = ["app", "components", "lib", "server", "generated", "types", "next.config.js", "package.json", "tsconfig.json"];

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const d of readdirSync(p, { withFileTypes: true })) {
    if (d.name === "node_modules" || d.name.startsWith(".next")) continue;
    newest = Math.max(newest, newestMtime(path.join(p, d.name)));
  }
  return newest;
}

/** Whether `distDir` holds a build newer than every source file. */
export function buildIsFresh(distDir: string): boolean {
  const id = path.join(ROOT, distDir, "BUILD_ID");
  if (!existsSync(id)) return false;
  const built = statSync(id).mtimeMs;
  return SOURCES.every((s) => newestMtime(path.join(ROOT, s)) <= built);
}

/**
 * `next build` into `distDir` (relative to the project root) unless a build newer than the
 * sources is there already. `next build` adds `<distDir>/types/**` to tsconfig.json's include
 * and rewrites next-env.d.ts for its folder; both are put back afterwards so that a benchmark
 * or test build leaves the tree as it found it.
 */
/** Builds checked or made by this process: one process serves one build, even if sources change meanwhile. */
const settled = new Set<string>();

export function ensureBuild(distDir: string, { force = false, reuse = false, log = console.error } = {}): void {
  if (settled.has(distDir)) return;
  settled.add(distDir);
  if (!force && buildIsFresh(distDir)) return;
  if (!force && reuse && existsSync(path.join(ROOT, distDir, "BUILD_ID"))) {
    log(`[build] reusing ${distDir}, which is older than the sources`);
    return;
  }
  const tsconfigPath = path.join(ROOT, "tsconfig.json");
  const nextEnvPath = path.join(ROOT, "next-env.d.ts");
  const tsconfigBefore = readFileSync(tsconfigPath, "utf8");
  const tsconfigTimesBefore = statSync(tsconfigPath);
  const nextEnvBefore = existsSync(nextEnvPath) ? readFileSync(nextEnvPath, "utf8") : null;
  log(`[build] next build into ${distDir} (takes a minute) ...`);
  const started = Date.now();
  const r = spawnSync(process.execPath, [NEXT_BIN, "build"], {
    cwd: ROOT,
    env: { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  try {
    restoreIfOnlyNextChanged(tsconfigPath, tsconfigBefore, distDir);
    if (nextEnvBefore !== null) writeFileSync(nextEnvPath, nextEnvBefore);
    // Put back its time too: a tsconfig.json newer than the build would make the next run rebuild.
    if (readFileSync(tsconfigPath, "utf8") === tsconfigBefore) utimesSync(tsconfigPath, tsconfigTimesBefore.atime, tsconfigTimesBefore.mtime);
  } catch (e) {
    log(`[build] could not restore tsconfig.json/next-env.d.ts: ${(e as Error).message}`);
  }
  if (r.status !== 0) {
    settled.delete(distDir);
    throw new Error(`next build into ${distDir} failed (exit ${r.status}):\n${(r.stdout ?? "").slice(-4000)}\n${(r.stderr ?? "").slice(-4000)}`);
  }
  log(`[build] done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

/** Puts tsconfig.json back when the only change is Next's addition of `<distDir>/...` includes. */
function restoreIfOnlyNextChanged(file: string, before: string, distDir: string) {
  const after = readFileSync(file, "utf8");
  if (after === before) return;
  const parse = (s: string) => JSON.parse(s) as { include?: string[] } & Record<string, unknown>;
  let a: ReturnType<typeof parse>, b: ReturnType<typeof parse>;
  try {
    a = parse(after);
    b = parse(before);
  } catch {
    return; // not plain JSON: leave it alone rather than guess
  }
  const ours = (s: string) => s.startsWith(`${distDir}/`);
  const strip = (c: typeof a) => JSON.stringify({ ...c, include: (c.include ?? []).filter((s) => !ours(s)) });
  if (strip(a) === strip(b)) writeFileSync(file, before);
}

// ---------------------------------------------------------------------------------------------
// Databases

export type DatabaseConfig = { provider: "sqlite"; file: string } | { provider: "postgresql"; url: string };

export type AppDatabase = {
  engine: Engine;
  /** What DATA_DIR and DATABASE_URL the server is started with. */
  dataDir: string;
  databaseUrl: string;
  config: DatabaseConfig;
  drop(): Promise<void>;
};

export async function postgresReachable(): Promise<boolean> {
  for (let attempt = 1; ; attempt++) {
    const c = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 10_000 });
    try {
      await c.connect();
      await c.end();
      return true;
    } catch (e) {
      // A busy server ("too many clients", a slow start) is not an absent one: try again.
      if (attempt >= 3) {
        console.warn(`PostgreSQL at ${PG_ADMIN_URL}: ${(e as Error).message}`);
        return false;
      }
      await sleep(2000);
    }
  }
}

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
  const name = `gongshang_${tag}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const u = new URL(PG_ADMIN_URL);
  u.pathname = `/${name}`;
  const url = u.toString();
  return {
    engine,
    dataDir,
    databaseUrl: url,
    config: { provider: "postgresql", url },
    async drop() {
      rmSync(dataDir, { recursive: true, force: true });
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Server

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

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
