import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { test, expect, createUser, e2eDb, signInBrowser } from "./support/auth";

/**
 * Open term pages update without a reload: a Chinese scholar reading in Chinese and a
 * Canadian scholar reading in English have /terms/cso open at once; what one does appears on
 * the other's page through the term's event stream.
 */

/** Marks the page so that a reload (which would clear the mark) is detected. */
async function markNoReload(page: Page) {
  await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));
}
async function expectNotReloaded(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
}

test("a Chinese and a Canadian scholar see each other's grades arrive live, each in their own language", async ({ page, browser, baseURL, loginAs }) => {
  const { user: canadian } = await loginAs({ delegation: "Canada", locale: "en" });
  void canadian;
  const china = await createUser({ delegation: "China", locale: "zh" });
  const chinese = await browser.newContext({ locale: "zh-CN" });
  const page2 = await chinese.newPage();
  await signInBrowser(page2, china, baseURL!);

  await page.goto("/terms/cso");
  await page2.goto("/terms/cso");
  await expect(page2.locator("html")).toHaveAttribute("lang", "zh-Hans");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.locator("[data-live-state=live]")).toBeVisible();
  await expect(page2.locator("[data-live-state=live]")).toBeVisible();
  await markNoReload(page);
  await markNoReload(page2);

  const before = (await (await page.request.get("/api/terms/cso/results")).json()).voters as number;

  // The Chinese scholar grades in Chinese; the Canadian page shows the new count.
  const grade = (p: Page, rendering: string, label: RegExp) => p.getByRole("group", { name: rendering }).getByRole("radio", { name: label });
  await grade(page2, "多元共存", /^好 Good$/).check();
  await grade(page2, "多元共进", /^很好 Very good$/).check();
  await page2.getByRole("button", { name: "保存评分" }).click();
  await expect(page.getByText(`Ballots counted: ${before + 1}.`)).toBeVisible({ timeout: 10_000 });
  await expectNotReloaded(page);

  // The Canadian scholar grades in English; the Chinese page follows.
  await grade(page, "多元共存", /^Excellent 优秀$/).check();
  await page.getByRole("button", { name: "Save ballot" }).click();
  await expect(page2.getByText(`已计入 ${before + 2} 张选票。`)).toBeVisible({ timeout: 10_000 });
  await expectNotReloaded(page2);
  await chinese.close();
});

test("a stage change recorded by a facilitator reaches an open page without a reload", async ({ page }) => {
  const db = e2eDb();
  const slug = `live-${randomBytes(4).toString("hex")}`;
  const term = await db.term.create({ data: { slug, headword: `live test ${slug}`, stage: "consultation", renderings: { create: [{ text: "共同体", normalizedKey: "共同体" }] } } });
  await page.goto(`/terms/${slug}`);
  await expect(page.locator("[data-live-state=live]")).toBeVisible();
  await markNoReload(page);
  await expect(page.getByText("Open for proposals, grades and comments.")).toBeVisible();

  // As server/terms/admin.ts does: the change and its event in one transaction (another process
  // on the same database, so the stream finds it by its poll).
  await db.$transaction([
    db.term.update({ where: { id: term.id }, data: { stage: "provisional" } }),
    db.termEvent.create({ data: { termId: term.id, type: "stage", payload: { stage: "provisional", deadline: null } } }),
  ]);
  await expect(page.getByText("Grading closed; the result is announced and objections are still heard.")).toBeVisible({ timeout: 10_000 });
  await expectNotReloaded(page);
});
