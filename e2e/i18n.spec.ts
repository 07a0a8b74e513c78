import { test, expect, createUser, e2eDb, signInBrowser } from "./support/auth";

/**
 * The interface language: the switcher's choice on this browser, else the signed-in scholar's
 * profile, else Accept-Language. Signed in, the switcher also saves the choice to the profile.
 * Term content stays in the language it was written in.
 */

test("a reader who is not signed in gets the language of Accept-Language", async ({ browser }) => {
  // Playwright sends the context's locale as Accept-Language.
  for (const [locale, lang, nav] of [["zh-CN", "zh-Hans", "术语表"], ["en-CA", "en", "Lexicon"]] as const) {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    await page.goto("/terms/cso");
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
    await expect(page.getByRole("link", { name: nav, exact: true })).toBeVisible();
    // The term itself is shown as written: English headword, Chinese renderings.
    await expect(page.getByRole("heading", { level: 1 })).toContainText("consociational security order");
    await expect(page.getByRole("heading", { level: 1 })).toHaveAttribute("lang", "en");
    await context.close();
  }
});

test("a signed-in scholar reads in their profile's language, whatever the browser asks", async ({ browser, baseURL }) => {
  const scholar = await createUser({ delegation: "China", locale: "zh" });
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  await signInBrowser(page, scholar, baseURL!);
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hans");
  await expect(page.getByRole("heading", { level: 1, name: "术语表" })).toBeVisible();
  await context.close();
});

test("the switcher changes the language on every page and saves it to the signed-in scholar's profile", async ({ page, browser, baseURL, loginAs }) => {
  const { user } = await loginAs({ delegation: "Canada", locale: "en" });
  await page.goto("/method");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page).toHaveURL(/\/method$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hans");
  await expect(page.getByRole("heading", { level: 1, name: "结果如何计算" })).toBeVisible();
  await expect.poll(async () => (await e2eDb().user.findUniqueOrThrow({ where: { id: user.id } })).locale).toBe("zh");

  // Another browser without the switcher's cookie follows the profile.
  const other = await browser.newContext({ locale: "en-GB" });
  const page2 = await other.newPage();
  await signInBrowser(page2, user, baseURL!);
  await page2.goto("/terms/cso");
  await expect(page2.locator("html")).toHaveAttribute("lang", "zh-Hans");
  await other.close();

  // Signed out, the switcher changes only this browser.
  await page.context().clearCookies();
  await page.goto("/");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});

test("pinyin with tone marks is drawn in one font, Hanzi in a CJK font, and nothing overflows at 360 px", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/terms/cso");
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("DOM.enable");
  await cdp.send("CSS.enable");
  const { root } = await cdp.send("DOM.getDocument", { depth: -1 });
  const fontsOf = async (selector: string) => {
    const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector });
    expect(nodeId, selector).toBeGreaterThan(0);
    const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
    return fonts;
  };
  const pinyin = await fontsOf(".pinyin");
  expect(await page.locator(".pinyin").first().textContent()).toMatch(/[āáǎàōóǒòēéěèīíǐìūúǔùǖǘǚǜ]/);
  // One family draws every letter, tone marks included: no glyph fell back to another font.
  expect(pinyin.map((f) => f.familyName), "fonts used for the pinyin").toHaveLength(1);
  const hanzi = await fontsOf(".hanzi");
  expect(hanzi.length).toBeGreaterThan(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
});
