// Node 20's test runner takes no globs: find the *.test.ts files under the given folders and
// run them with TypeScript (tsx) and the react-server condition (so `server-only` imports load).
// Usage: node scripts/run-tests.mjs [--concurrency N] <folder or file>...
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const args = process.argv.slice(2);
let concurrency = null;
const folders = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--concurrency") concurrency = args[++i];
  else folders.push(args[i]);
}

function walk(dir) {
  if (!existsSync(dir)) return [];
  if (!statSync(dir).isDirectory()) return dir.endsWith(".test.ts") ? [dir] : [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === "node_modules" ? [] : walk(p);
    return d.name.endsWith(".test.ts") ? [p] : [];
  });
}

const files = folders.flatMap(walk).sort();
if (files.length === 0) {
  console.error(`no test files under ${folders.join(", ")}`);
  process.exit(1);
}
const r = spawnSync(
  process.execPath,
  [
    "--conditions=react-server",
    "--import",
    "tsx",
    "--test",
    "--test-reporter=spec",
    ...(concurrency ? [`--test-concurrency=${concurrency}`] : []),
    ...files,
  ],
  { stdio: "inherit" },
);
process.exit(r.status ?? 1);
