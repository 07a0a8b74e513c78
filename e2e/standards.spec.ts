import type { APIResponse, Page } from "@playwright/test";
import { test, expect, apiToken, createUser } from "./support/auth";
import { loadAndWeighScripts } from "./support/page-weight";
import { ContractChecker } from "../test/support/openapi-contract";

/**
 * What a browser and other tools see of the site as a whole (issue 14): our own typeface draws
 * the Hanzi on a machine without CJK fonts, the term page stays within its JavaScript budget,
 * no page trips the Content-Security-Policy, the favicon and canonical links are right, and
 * NextAuth.js's JSON answers match the API document.
 */

const JS_BUDGET_BYTES = 150 * 1024;
const CJK_FAMILY = "Noto Sans SC Variable";

/** Records every CSP violation the page reports, from its first script on. */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.addInitScript(() => {
    (window as unknown as { __csp: string[] }).__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  page.on("console", (m) => {
    if (/Content.Security.Policy|Refused to/i.test(m.text())) violations.push(`console: ${m.text()}`);
  });
  return violations;
}

/** After the page loaded and its scripts ran (hydration included): the violations so far. */
async function cspReports(page: Page, console: string[]): Promise<string[]> {
  await page.waitForLoadState("load");
  await page.evaluate(() => new Promise((done) => requestIdleCallback(() => done(null), { timeout: 2000 })));
  const fromPage = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
  return [...fromPage, ...console];
}

test("Hanzi are drawn by our own typeface, loaded by unicode-range slices, on a machine without CJK fonts", async ({ page }) => {
  const fonts: string[] = [];
  page.on("response", (r) => {
    if (r.request().resourceType() === "font") fonts.push(new URL(r.url()).pathname);
  });
  await page.goto("/terms/cso");
  await page.evaluate(() => document.fonts.ready);
  await expect(page.getByRole("link", { name: /共商/ }).first()).toBeVisible();

  const faces = await page.evaluate((family) => [...document.fonts].filter((f) => f.family.replace(/"/g, "") === family).map((f) => ({ status: f.status, range: f.unicodeRange })), CJK_FAMILY);
  expect(faces.length, "the CSS declares the face in many unicode-range slices").toBeGreaterThan(50);
  expect(faces.filter((f) => f.status === "loaded").length, "the page's Hanzi loaded some slices").toBeGreaterThan(0);
  expect(fonts.length, "only the slices the page needs are downloaded, from this site").toBeLessThan(20);
  for (const f of fonts) expect(f).toMatch(/^\/_next\/static\/media\/.+\.woff2$/);

  // Draw two different Hanzi with our face and with the browser's fallback only. Without a CJK
  // font both come out as the same empty box (.notdef); with ours they differ and have ink.
  const glyphs = await page.evaluate(async (family) => {
    await document.fonts.load(`64px "${family}"`, "共商");
    const draw = (font: string, ch: string) => {
      const c = document.createElement("canvas");
      c.width = c.height = 80;
      const g = c.getContext("2d")!;
      g.font = font;
      g.fillText(ch, 4, 68);
      const data = g.getImageData(0, 0, 80, 80).data;
      let ink = 0;
      let hash = 0;
      for (let i = 3; i < data.length; i += 4) {
        if (data[i]! > 0) ink++;
        hash = (hash * 31 + data[i]!) | 0;
      }
      return { ink, hash };
    };
    return {
      ours: [draw(`64px "${family}"`, "共"), draw(`64px "${family}"`, "商")],
      fallback: [draw("64px sans-serif", "共"), draw("64px sans-serif", "商")],
      check: document.fonts.check(`16px "${family}"`, "共商"),
    };
  }, CJK_FAMILY);
  expect(glyphs.check).toBe(true);
  expect(glyphs.fallback[0]!.hash, "this machine has no CJK font: its fallback draws both as the same box").toBe(glyphs.fallback[1]!.hash);
  expect(glyphs.ours[0]!.hash, "our face draws two different Hanzi differently").not.toBe(glyphs.ours[1]!.hash);
  expect(glyphs.ours[0]!.ink).toBeGreaterThan(200);
  expect(glyphs.ours[1]!.ink).toBeGreaterThan(200);

  // The brand and the renderings use it as rendered on the page.
  const brandFont = await page.locator("header.site .brand").evaluate((el) => getComputedStyle(el).fontFamily);
  expect(brandFont).toContain(CJK_FAMILY);
  await page.screenshot({ path: test.info().outputPath("term-page-hanzi.png"), fullPage: false });
});

test(`the term page loads at most ${JS_BUDGET_BYTES / 1024} kB of JavaScript (gzip), signed out and as a member`, async ({ page, loginAs }) => {
  const reader = await loadAndWeighScripts(page, "/terms/cso");
  console.log(`signed out: ${(reader.totalGzipBytes / 1024).toFixed(1)} kB gzip in ${reader.scripts.length} scripts`);
  expect(reader.totalGzipBytes, JSON.stringify(reader.scripts)).toBeLessThanOrEqual(JS_BUDGET_BYTES);

  await loginAs({ delegation: "China" });
  const member = await loadAndWeighScripts(page, "/terms/cso");
  console.log(`member: ${(member.totalGzipBytes / 1024).toFixed(1)} kB gzip in ${member.scripts.length} scripts`);
  await expect(page.getByRole("button", { name: "Save ballot" })).toBeVisible();
  expect(member.totalGzipBytes, JSON.stringify(member.scripts)).toBeLessThanOrEqual(JS_BUDGET_BYTES);
});

test("no page reports a Content-Security-Policy violation, also when a member's form loads its checks", async ({ page, loginAs, request }) => {
  const consoleCsp = await watchCsp(page);
  // First, the watch itself: a page under the site's own policy that does what zod 4 does with
  // its JIT on (a Function("") probe) is reported. (Playwright's evaluate is exempt, hence a page.)
  const policy = (await request.get("/")).headers()["content-security-policy"]!;
  expect(policy).not.toContain("unsafe-eval");
  await page.route("**/csp-probe", (route) =>
    route.fulfill({ contentType: "text/html", headers: { "content-security-policy": policy }, body: '<!doctype html><script>try { new Function(""); } catch (e) {}</script>' }),
  );
  await page.goto("/csp-probe");
  expect(await cspReports(page, consoleCsp)).toEqual([expect.stringMatching(/^script-src eval/)]);
  await page.unrouteAll();
  consoleCsp.length = 0;

  for (const path of ["/", "/terms/cso", "/method", "/signin", "/terms/no-such-term"]) {
    await page.goto(path);
    expect(await cspReports(page, consoleCsp), path).toEqual([]);
  }
  await loginAs({ role: "facilitator", delegation: "China" });
  for (const path of ["/", "/profile", "/admin/invites", "/terms/cso"]) {
    await page.goto(path);
    expect(await cspReports(page, consoleCsp), path).toEqual([]);
  }
  // The ballot form's own check runs zod in the browser: a reject without its reason is refused there.
  const group = page.getByRole("group", { name: /多元共商/ });
  await group.getByRole("radio", { name: "Reject 不可接受", exact: true }).check();
  await page.getByRole("button", { name: "Save ballot" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Your ballot was not saved" })).toBeVisible();
  expect(await cspReports(page, consoleCsp), "after the ballot form's check").toEqual([]);
});

test("favicon, absolute canonical links, no failed request on the main pages", async ({ page, loginAs, request, baseURL }) => {
  const favicon = await request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()["content-type"]).toContain("image/");
  const failed: string[] = [];
  page.on("response", (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  page.on("console", (m) => {
    if (m.type() === "error") failed.push(`console: ${m.text()}`);
  });
  const site = process.env.NEXTAUTH_URL ?? baseURL!;
  for (const signedIn of [false, true]) {
    if (signedIn) await loginAs();
    await page.goto("/terms/cso");
    await page.waitForLoadState("networkidle");
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", `${site}/terms/cso`);
    await expect(page.locator('link[rel="icon"]').first()).toHaveAttribute("href", /favicon|icon/);
  }
  await page.goto("/");
  await page.waitForLoadState("networkidle");
  expect(failed).toEqual([]);
});

test("NextAuth.js's JSON answers match the API document", async ({ request }) => {
  const contract = new ContractChecker();
  const asFetch = async (res: APIResponse) => new Response(await res.text(), { status: res.status(), headers: { "content-type": res.headers()["content-type"] ?? "" } });
  for (const part of ["csrf", "providers", "session"]) {
    await contract.check("get", "/api/auth/{nextauth}", await asFetch(await request.get(`/api/auth/${part}`)));
  }
  const user = await createUser();
  const token = await apiToken(user.id);
  await contract.check("get", "/api/me", await asFetch(await request.get("/api/me", { headers: { authorization: `Bearer ${token}` } })));
});
