// Finds a Chromium for Playwright: $CHROMIUM_PATH, Debian's, or Playwright's own download.
import { existsSync } from "node:fs";

export async function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  for (const c of candidates) if (c && existsSync(c)) return c;
  try {
    const { chromium } = await import("@playwright/test");
    const own = chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    // Playwright's own browser is not installed; fall through.
  }
  return null;
}

export const NO_CHROMIUM =
  "No Chromium found: install Debian's with `sudo apt-get install -y chromium` (or, with open internet, `npx playwright install chromium`), or set CHROMIUM_PATH.";
