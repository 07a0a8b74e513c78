import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * A Next build bundles one server module into several chunks, each with its own copy of the
 * module's top-level variables. State that must exist once per process (caches, registries,
 * limiters, connections) therefore goes through `processWide` (server/process-wide.ts). This
 * test finds module-level mutable state in server/ that does not: a `let` or `var`, or an empty
 * Map, Set, WeakMap or WeakSet. (Constant tables such as `new Set(["GET", "HEAD"])` are fine.)
 */
const ROOT = path.resolve(import.meta.dirname, "..");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return sources(p);
    return d.name.endsWith(".ts") && !d.name.endsWith(".test.ts") ? [p] : [];
  });
}

const MUTABLE = [/^(?:export )?(?:let|var) /, /^(?:export )?const \w+(?::[^=]+)? = new (?:Map|Set|WeakMap|WeakSet)\s*(?:<[^>]*(?:<[^>]*>[^>]*)*>)?\(\s*\)/];

test("server modules keep per-process state through processWide", () => {
  const found: string[] = [];
  for (const file of sources(path.join(ROOT, "server"))) {
    if (file.endsWith(path.join("server", "process-wide.ts"))) continue;
    readFileSync(file, "utf8")
      .split("\n")
      .forEach((line, i) => {
        if (MUTABLE.some((re) => re.test(line))) found.push(`${path.relative(ROOT, file)}:${i + 1}: ${line.trim()}`);
      });
  }
  assert.deepEqual(found, []);
});

test("the check finds what it is meant to find", () => {
  const hits = ["let cache = null;", "const kept = new Map<string, Computed>();", "export const seen = new WeakSet();", "var x;"];
  const misses = ['const READS = new Set(["GET", "HEAD"]);', "  let inner = 1;", 'const kept = processWide("k", () => new Map());'];
  for (const line of hits) assert.ok(MUTABLE.some((re) => re.test(line)), line);
  for (const line of misses) assert.ok(!MUTABLE.some((re) => re.test(line)), line);
});
