// Runs the Playwright suite against the built app on a fresh embedded database.
// Usage: npm run test:e2e [-- playwright args]. Builds first unless E2E_SKIP_BUILD=1.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { NO_CHROMIUM, findChromium } from "./find-chromium.mjs";

const chromium = await findChromium();
if (!chromium) {
  console.error(NO_CHROMIUM);
  process.exit(1);
}

function run(cmd, args, env = process.env) {
  const r = spawnSync(cmd, args, { stdio: "inherit", env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (process.env.E2E_SKIP_BUILD !== "1") run("npm", ["run", "-s", "build"]);

const dataDir = mkdtempSync(path.join(tmpdir(), "gongshang-e2e-"));
const env = {
  ...process.env,
  DATA_DIR: dataDir,
  DATABASE_URL: "",
  E2E_CHROMIUM: chromium,
  NEXT_TELEMETRY_DISABLED: "1",
  NODE_ENV: "production",
};
const r = spawnSync("npx", ["playwright", "test", ...process.argv.slice(2)], { stdio: "inherit", env });
rmSync(dataDir, { recursive: true, force: true });
process.exit(r.status ?? 1);
