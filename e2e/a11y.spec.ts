import { randomBytes } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { test, expect, createUser, e2eDb, signInBrowser, type TestUser } from "./support/auth";
import { tally } from "../lib/tally";

/**
 * Every page of the app passes axe (WCAG 2 A and AA rules) with no serious or critical
 * violation, at desktop width and at 360 px, where nothing may scroll sideways. Pages are
 * found from app/**\/page.tsx, so a new page fails this spec until it is listed below with the
 * address to visit.
 */

const VIEWPORTS = [
  { name: "desktop", width: 1280, height: 800 },
  { name: "360px", width: 360, height: 740 },
] as const;

/** The app's pages as route patterns (/terms/[slug]), from the file system. */
function pagesInApp(): string[] {
  const out: string[] = [];
  const walk = (dir: string, route: string[]) => {
    for (const d of readdirSync(dir, { withFileTypes: true })) {
      if (d.isDirectory()) {
        if (d.name === "api" && route.length === 0) continue;
        const segment = /^\(.*\)$/.test(d.name) ? [] : [d.name];
        walk(path.join(dir, d.name), [...route, ...segment]);
      } else if (d.name === "page.tsx") out.push(`/${route.join("/")}`);
    }
  };
  walk(path.join(process.cwd(), "app"), []);
  return out.sort();
}

type Fixtures = { provisional: string; decided: { slug: string; id: string } };

/** Where to visit each page pattern, and who must be signed in to see it (null: anyone). */
const ROUTES: Record<string, { url: (f: Fixtures) => string | string[]; as: "anyone" | "admin" }> = {
  "/": { url: () => "/", as: "anyone" },
  "/method": { url: () => "/method", as: "anyone" },
  "/signin": { url: () => "/signin", as: "anyone" },
  "/signin/check-email": { url: () => "/signin/check-email", as: "anyone" },
  "/signup": { url: () => "/signup", as: "anyone" },
  "/invite/[token]": { url: () => "/invite/not-a-valid-token", as: "anyone" },
  "/reset-password": { url: () => "/reset-password", as: "anyone" },
  "/reset-password/[token]": { url: () => "/reset-password/not-a-valid-token", as: "anyone" },
  "/unsubscribe/[token]": { url: () => "/unsubscribe/not.a.token", as: "anyone" },
  // The shared cached copy everyone gets from /terms/{slug} (next.config.js rewrites), with an
  // admin's parts filled in; a term with ballots too, so that the results (ranking, profiles,
  // pairwise matrix) are checked.
  "/terms/[slug]": { url: (f) => ["/terms/cso", `/terms/${f.provisional}`], as: "admin" },
  // The same copy as a reader who is not signed in gets it, in both languages.
  "/read/[locale]/terms/[slug]": { url: () => ["/read/en/terms/cso", "/read/zh/terms/cso"], as: "anyone" },
  // The page rendered per member, for members without JavaScript and members-only sites.
  "/terms/[slug]/plain": { url: () => "/terms/cso/plain", as: "admin" },
  "/terms/[slug]/edit": { url: () => "/terms/cso/edit", as: "admin" },
  "/terms/[slug]/decide": { url: (f) => `/terms/${f.provisional}/decide`, as: "admin" },
  "/terms/[slug]/decisions/[id]": { url: (f) => `/terms/${f.decided.slug}/decisions/${f.decided.id}`, as: "anyone" },
  "/facilitate/terms/new": { url: () => "/facilitate/terms/new", as: "admin" },
  "/facilitate/import": { url: () => "/facilitate/import", as: "admin" },
  "/profile": { url: () => "/profile", as: "admin" },
  "/notifications": { url: () => "/notifications", as: "admin" },
  "/admin": { url: () => "/admin", as: "admin" },
  "/admin/audit": { url: () => "/admin/audit", as: "admin" },
  "/admin/delegations": { url: () => "/admin/delegations", as: "admin" },
  "/admin/invites": { url: () => "/admin/invites", as: "admin" },
  "/admin/members": { url: () => "/admin/members", as: "admin" },
  "/admin/settings": { url: () => "/admin/settings", as: "admin" },
};

/** A provisional term (the decide form shows), and a published one with a recorded decision. */
async function fixtures(admin: TestUser): Promise<Fixtures> {
  const db = e2eDb();
  const tag = randomBytes(4).toString("hex");
  const make = (slug: string, stage: "provisional" | "published", texts = ["甲乙丙", "丁戊己"]) =>
    db.term.create({
      data: { slug, headword: `a11y ${slug}`, stage, renderings: { create: texts.map((text) => ({ text, normalizedKey: text, pinyin: "jiǎ yǐ bǐng", gloss: "a test" })) } },
      include: { renderings: true },
    });
  const provisional = await make(`a11y-p-${tag}`, "provisional", ["多元共存", "多元共生", "多元共进", "多元共商", "多元•合作•共生"]);
  const grades = ["excellent", "very_good", "good", "acceptable", "reject"];
  for (const [i, delegation] of ["Canada", "China"].entries()) {
    const voter = await createUser({ delegation });
    const d = await db.delegation.findUniqueOrThrow({ where: { name: delegation } });
    const mine = Object.fromEntries(provisional.renderings.map((r, j) => [r.id, grades[(i + j) % grades.length]]));
    const reject = provisional.renderings.find((r) => mine[r.id] === "reject")!;
    await db.ballot.create({ data: { termId: provisional.id, userId: voter.id, delegationId: d.id, grades: mine, reasons: { [reject.id]: "Too close to a biological metaphor." } } });
  }
  // Ballots written behind the service's back: the maintained tally is stale until rebuilt.
  await db.term.update({ where: { id: provisional.id }, data: { tallyVersion: { increment: 1 }, tallyCellsOf: -1 } });
  const published = await make(`a11y-d-${tag}`, "published");
  const [adopted, admitted] = published.renderings;
  const results = tally({
    term: published.slug,
    renderings: published.renderings.map((r) => ({ id: r.id, text: r.text, createdAt: r.createdAt.toISOString() })),
    ballots: [],
  });
  const decision = await db.decision.create({
    data: {
      termId: published.id,
      adoptedRenderingId: adopted!.id,
      admittedIds: [admitted!.id],
      deprecatedIds: [],
      statementEn: "Adopted for the test.",
      statementZh: "测试用。",
      decidedById: admin.id,
      snapshot: {
        takenAt: new Date().toISOString(),
        tallyVersion: 0,
        ballotCount: 0,
        results,
        renderings: published.renderings.map((r) => ({ id: r.id, text: r.text, pinyin: r.pinyin, traditional: r.traditional, gloss: r.gloss, status: r.status })),
      },
    },
  });
  return { provisional: provisional.slug, decided: { slug: published.slug, id: decision.id } };
}

async function expectAccessible(page: Page, url: string) {
  const response = await page.goto(url);
  expect(response?.status(), `${url} answers`).toBeLessThan(500);
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(" | ")}`);
  expect(serious, `axe on ${url} at ${page.viewportSize()?.width}px`).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${url} scrolls sideways at ${page.viewportSize()?.width}px`).toBeLessThanOrEqual(0);
}

test("every page of the app is listed here with an address to visit", () => {
  expect(pagesInApp().filter((p) => !(p in ROUTES)), "add the new pages to ROUTES in e2e/a11y.spec.ts").toEqual([]);
});

for (const viewport of VIEWPORTS) {
  test.describe(`axe at ${viewport.name}`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    test("pages for everyone, signed out, in English and in Chinese", async ({ page, context, baseURL }) => {
      // 14 addresses, each in two languages (issue 16 added the reset and unsubscribe pages).
      test.setTimeout(240_000);
      const admin = await createUser({ role: "admin" });
      const f = await fixtures(admin);
      const open = Object.values(ROUTES).filter((r) => r.as === "anyone");
      for (const locale of ["en", "zh"]) {
        await context.addCookies([{ name: "locale", value: locale, url: baseURL! }]);
        for (const r of open) for (const url of [r.url(f)].flat()) await expectAccessible(page, url);
      }
    });

    test("the term page as a scholar grades it, in English and in Chinese", async ({ page, context, baseURL }) => {
      // The shared page with a scholar's parts drawn (grade rows on the cards, the summary, the
      // guide open, a reject's reason field shown, unsaved changes), which axe alone would not wait for.
      const scholar = await createUser({ delegation: "China" });
      await signInBrowser(page, scholar, baseURL!);
      for (const [locale, guide] of [["en", "What the grades mean"], ["zh", "各评分等级的含义"]] as const) {
        await context.addCookies([{ name: "locale", value: locale, url: baseURL! }]);
        await page.goto("/terms/cso");
        const rows = page.getByTestId("grade-row");
        await expect(rows.first()).toBeVisible();
        await rows.first().locator('input[value="reject"]').check();
        await rows.nth(1).locator('input[value="good"]').check();
        await page.getByText(guide).click();
        await expect(page.locator(".ballot-summary")).toBeVisible();
        const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
        expect(violations.map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(" | ")}`), `axe on the graded term page (${locale})`).toEqual([]);
        expect(await page.evaluate(() => document.scrollingElement!.scrollWidth), "no sideways scrolling").toBeLessThanOrEqual(viewport.width);
      }
    });

    test("every page, signed in as an admin", async ({ page, baseURL }) => {
      test.setTimeout(180_000);
      const admin = await createUser({ role: "admin", delegation: "Canada" });
      await signInBrowser(page, admin, baseURL!);
      const f = await fixtures(admin);
      for (const r of Object.values(ROUTES)) for (const url of [r.url(f)].flat()) await expectAccessible(page, url);
    });
  });
}
