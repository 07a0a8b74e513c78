import { gzipSync } from "node:zlib";
import type { Page } from "@playwright/test";

/**
 * The JavaScript a page costs a reader: every script the browser fetched while loading it (the
 * page's <script src> tags and the chunks they load), each gzipped at level 9 as a server would
 * send it. Scripts with `nomodule` (legacy polyfills) are not fetched by current browsers and
 * are left out.
 */
export type ScriptWeight = { url: string; gzipBytes: number };

export async function loadAndWeighScripts(page: Page, path: string): Promise<{ scripts: ScriptWeight[]; totalGzipBytes: number }> {
  const bodies = new Map<string, Promise<Buffer>>();
  page.on("response", (res) => {
    const url = res.url();
    if (res.request().resourceType() === "script" && res.ok()) bodies.set(url, res.body());
  });
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  // The tags, too: a script in the HTML counts even if it came from the browser's cache.
  const tags = await page.locator("script[src]:not([nomodule])").evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).src));
  for (const url of tags) if (!bodies.has(url)) bodies.set(url, page.request.get(url).then((r) => r.body()));
  const scripts: ScriptWeight[] = [];
  for (const [url, body] of bodies) scripts.push({ url: new URL(url).pathname, gzipBytes: gzipSync(await body, { level: 9 }).length });
  scripts.sort((a, b) => b.gzipBytes - a.gzipBytes);
  return { scripts, totalGzipBytes: scripts.reduce((n, s) => n + s.gzipBytes, 0) };
}
