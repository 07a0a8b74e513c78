// Summarises a .cpuprofile (node --cpu-prof): self time by function and by package/file.
// Usage: node bench/tools/profile-summary.mjs <file.cpuprofile> [top N]
import { readFileSync } from "node:fs";

const [file, topArg] = process.argv.slice(2);
if (!file) {
  console.error("usage: node bench/tools/profile-summary.mjs <file.cpuprofile> [top N]");
  process.exit(1);
}
const top = Number(topArg ?? 30);
const prof = JSON.parse(readFileSync(file, "utf8"));
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = prof.timeDeltas;
for (let i = 0; i < prof.samples.length; i++) self.set(prof.samples[i], (self.get(prof.samples[i]) ?? 0) + (dt[i] ?? 0));
const total = [...self.values()].reduce((a, b) => a + b, 0);

function where(url) {
  if (!url) return "(native/vm)";
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1];
  const n = /\.next[^/]*\/server\/(.*)/.exec(url);
  if (n) return `app bundle`;
  if (url.startsWith("node:")) return url;
  return url.replace(/^file:\/\//, "");
}

const fn = new Map();
const pkg = new Map();
for (const [id, t] of self) {
  const n = byId.get(id);
  const cf = n.callFrame;
  const key = `${cf.functionName || "(anonymous)"} ${where(cf.url)}:${cf.lineNumber}`;
  fn.set(key, (fn.get(key) ?? 0) + t);
  const p = where(cf.url) + (cf.url ? "" : ` ${cf.functionName}`);
  pkg.set(p, (pkg.get(p) ?? 0) + t);
}
const pct = (t) => ((100 * t) / total).toFixed(1).padStart(5) + "%";
console.log(`total sampled ${(total / 1e6).toFixed(2)} s`);
console.log("\nself time by package / file:");
for (const [k, t] of [...pkg].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(pct(t), k);
console.log("\nself time by function:");
for (const [k, t] of [...fn].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(pct(t), k);
