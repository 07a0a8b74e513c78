// Runs the Playwright suite against the built app on a fresh embedded database.
// Usage: npm run test:e2e [-- playwright args]. Builds first (into NEXT_DIST_DIR, default .next,
// the way the fault and live tests build: scripts/app-build.mjs) unless E2E_SKIP_BUILD=1.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { NO_CHROMIUM, findChromium } from "./find-chromium.mjs";
import { ensureBuild } from "./app-build.mjs";

const chromium = await findChromium();
if (!chromium) {
  console.error(NO_CHROMIUM);
  process.exit(1);
}

function run(cmd, args, env = process.env) {
  const r = spawnSync(cmd, args, { stdio: "inherit", env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (process.env.E2E_SKIP_BUILD !== "1") {
  run(process.execPath, ["scripts/generate.mjs"]);
  try {
    ensureBuild(process.env.NEXT_DIST_DIR || ".next", { force: true, inherit: true });
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
}

const dataDir = mkdtempSync(path.join(tmpdir(), "gongshang-e2e-"));
// The magic-link tests run a mail server of their own on this port (e2e/support/mailbox.ts);
// the app only connects when it sends, but must know where at start. Next to the app's port,
// so that runs on different E2E_PORTs do not collide.
const smtpPort = process.env.E2E_SMTP_PORT || String(Number(process.env.E2E_PORT || 3210) + 1000);
const env = {
  ...process.env,
  DATA_DIR: dataDir,
  DATABASE_URL: "",
  E2E_SMTP_PORT: smtpPort,
  // Links in emails are built from NEXTAUTH_URL only (never from a request's Host).
  NEXTAUTH_URL: `http://127.0.0.1:${process.env.E2E_PORT || 3210}`,
  SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
  SMTP_FROM: "Gongshang <no-reply@gongshang.test>",
  E2E_CHROMIUM: chromium,
  NEXT_TELEMETRY_DISABLED: "1",
  NODE_ENV: "production",
};
const r = spawnSync("npx", ["playwright", "test", ...process.argv.slice(2)], { stdio: "inherit", env });
rmSync(dataDir, { recursive: true, force: true });
process.exit(r.status ?? 1);
