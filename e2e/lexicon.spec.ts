import { expect, test } from "@playwright/test";
import { termDetailSchema, termListSchema } from "../lib/schemas/term";

test("a visitor opens the lexicon, sees the CSO term, opens it and sees the five renderings with pinyin", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Lexicon" })).toBeVisible();
  const cso = page.getByRole("link", { name: "consociational security order" });
  await expect(cso).toBeVisible();
  await cso.click();
  await expect(page).toHaveURL(/\/terms\/cso$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("consociational security order (CSO)");
  await expect(page.getByText("mutual accommodation among unequal and culturally diverse groups")).toBeVisible();
  const expected: [string, string][] = [
    ["多元共存", "duō yuán gòng cún"],
    ["多元共生", "duō yuán gòng shēng"],
    ["多元共进", "duō yuán gòng jìn"],
    ["多元共商", "duō yuán gòng shāng"],
    ["多元•合作•共生", "duō yuán · hé zuò · gòng shēng"],
  ];
  const cards = page.locator("section.rendering");
  await expect(cards).toHaveCount(5);
  for (const [i, [hanzi, pinyin]] of expected.entries()) {
    await expect(cards.nth(i).getByRole("heading", { level: 3 })).toHaveText(hanzi);
    await expect(cards.nth(i).locator(".pinyin")).toHaveText(pinyin);
  }
});

test("the language switch shows the interface in Chinese and keeps the term content as written", async ({ page }) => {
  await page.goto("/terms/cso");
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.getByRole("heading", { name: "候选译名" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("consociational security order");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "Candidate renderings" })).toBeVisible();
});

test("the page is readable on a 360 px phone without horizontal scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/terms/cso");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("an unknown term is a 404 page with a way back", async ({ page }) => {
  const res = await page.goto("/terms/no-such-term");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("link", { name: "Back to the lexicon" })).toBeVisible();
});

test("the read-only JSON API answers in its documented shapes", async ({ request }) => {
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ status: "ok", database: { ok: true, provider: "sqlite" } });

  const list = termListSchema.parse(await (await request.get("/api/terms")).json());
  expect(list.terms.map((t) => t.slug)).toContain("cso");

  const cso = await request.get("/api/terms/cso");
  expect(cso.status()).toBe(200);
  const detail = termDetailSchema.parse(await cso.json());
  expect(detail.renderings).toHaveLength(5);
  expect(detail.stage).toBe("consultation");

  const missing = await request.get("/api/terms/no-such-term");
  expect(missing.status()).toBe(404);
  expect(await missing.json()).toEqual({ error: { code: "not_found", message: "Term not found." } });
});
