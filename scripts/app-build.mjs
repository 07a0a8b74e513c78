// Builds the app into a dist folder of its own (NEXT_DIST_DIR), for the end-to-end tests
// (scripts/e2e.mjs), the fault and live tests and the benchmarks (test/support/app.ts).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");

/**
 * What a build depends on: when any of these is newer than the build, it is rebuilt. The
 * generated Prisma clients count through their schema (`npm run build` and the e2e runner
 * regenerate them, rewriting the files unchanged, which must not make every other build stale).
 */
const SOURCES = [
  "app",
  "components",
  "lib",
  "server",
  "prisma/schema.prisma",
  "types",
  "public",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.js",
  "package.json",
  "tsconfig.json",
];

function newestMtime(p) {
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
export function buildIsFresh(distDir) {
  const id = path.join(ROOT, distDir, "BUILD_ID");
  if (!existsSync(id)) return false;
  const built = statSync(id).mtimeMs;
  return SOURCES.every((s) => newestMtime(path.join(ROOT, s)) <= built);
}

/** Builds checked or made by this process: one process serves one build, even if sources change meanwhile. */
const settled = new Set();

/**
 * `next build` into `distDir` (relative to the project root) unless a build newer than the
 * sources is there already (`force`: always; `reuse`: any existing build, even a stale one).
 * `next build` adds `<distDir>/types/**` to tsconfig.json's include and rewrites
 * next-env.d.ts for its folder; both are put back afterwards so that a test or benchmark
 * build leaves the tree as it found it. `inherit`: show the build's output as it runs.
 */
export function ensureBuild(distDir, { force = false, reuse = false, inherit = false, log = console.error } = {}) {
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
  log(`[build] next build into ${distDir} (takes a few minutes) ...`);
  const started = Date.now();
  const r = spawnSync(process.execPath, [NEXT_BIN, "build"], {
    cwd: ROOT,
    env: { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    stdio: inherit ? "inherit" : "pipe",
  });
  try {
    restoreIfOnlyNextChanged(tsconfigPath, tsconfigBefore, distDir);
    if (nextEnvBefore !== null) writeFileSync(nextEnvPath, nextEnvBefore);
    // Put back its time too: a tsconfig.json newer than the build would make the next run rebuild.
    if (readFileSync(tsconfigPath, "utf8") === tsconfigBefore) utimesSync(tsconfigPath, tsconfigTimesBefore.atime, tsconfigTimesBefore.mtime);
  } catch (e) {
    log(`[build] could not restore tsconfig.json/next-env.d.ts: ${e.message}`);
  }
  if (r.status !== 0) {
    settled.delete(distDir);
    throw new Error(`next build into ${distDir} failed (exit ${r.status}):\n${(r.stdout ?? "").slice(-4000)}\n${(r.stderr ?? "").slice(-4000)}`);
  }
  log(`[build] done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

/** Puts tsconfig.json back when the only change is Next's addition of `<distDir>/...` includes. */
function restoreIfOnlyNextChanged(file, before, distDir) {
  const after = readFileSync(file, "utf8");
  if (after === before) return;
  let a, b;
  try {
    a = JSON.parse(after);
    b = JSON.parse(before);
  } catch {
    return; // not plain JSON: leave it alone rather than guess
  }
  const ours = (s) => s.startsWith(`${distDir}/`);
  const strip = (c) => JSON.stringify({ ...c, include: (c.include ?? []).filter((s) => !ours(s)) });
  if (strip(a) === strip(b)) writeFileSync(file, before);
}
