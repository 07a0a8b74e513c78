import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { test, expect, createUser, e2eDb, signInBrowser } from "./support/auth";
import { derivePinyin, normalizedKey } from "../lib/rendering/text";

/**
 * Issue 16, "Finish": the stage control steps forward by default and confirms a step back; the
 * Chinese UI puts Chinese first and names delegations in Chinese; the command-line recount is
 * shown only to those who run it; the audit log reads in words in both languages.
 */

async function term(stage: "consultation" | "provisional", proposerId?: string) {
  const slug = `e2e-fin-${randomBytes(4).toString("hex")}`;
  const text = "多元共商";
  return e2eDb().term.create({
    data: {
      slug,
      headword: `finish test ${slug}`,
      stage,
      renderings: { create: [{ text, normalizedKey: normalizedKey(text), pinyin: derivePinyin(text), gloss: "consulting together", proposerId }] },
    },
    include: { renderings: true },
  });
}

async function expectAxeClean(page: Page, where: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`);
  expect(serious, `axe on ${where}`).toEqual([]);
}

const stageOf = async (slug: string) => (await e2eDb().term.findUniqueOrThrow({ where: { slug } })).stage;

test("the stage control of a provisional term offers Published first; a step back is confirmed in the page, by keyboard", async ({ page, loginAs }) => {
  const t = await term("provisional");
  await loginAs({ role: "facilitator", delegation: null });
  await page.goto(`/terms/${t.slug}`);
  const panel = page.getByRole("region", { name: "Facilitator tools" });
  const moveTo = panel.getByLabel("Move to");
  await expect(moveTo).toHaveValue("published");
  await expect(moveTo.locator("option:checked")).toHaveText("Published (record the decision)");
  await expect(panel.getByLabel("Consultation deadline (UTC, optional)")).toBeHidden();

  // Keyboard only: choose the step back, apply, and the page asks first.
  await moveTo.focus();
  await page.keyboard.press("ArrowDown");
  await expect(moveTo).toHaveValue("consultation");
  await expect(panel.getByLabel("Consultation deadline (UTC, optional)")).toBeVisible();
  await panel.getByRole("button", { name: "Apply" }).focus();
  await page.keyboard.press("Enter");
  const ask = panel.getByRole("group", { name: "Move the term back to “Consultation”?" });
  await expect(ask).toBeVisible();
  await expect(ask).toContainText("This reopens the consultation");
  const confirm = ask.getByRole("button", { name: "Yes, move it back" });
  await expect(confirm).toBeFocused();
  await expectAxeClean(page, "the term page asking to confirm a step back");
  expect(await stageOf(t.slug), "nothing moved before the confirmation").toBe("provisional");

  // Escape cancels and returns to the choice.
  await page.keyboard.press("Escape");
  await expect(ask).toBeHidden();
  await expect(moveTo).toBeFocused();
  expect(await stageOf(t.slug)).toBe("provisional");

  await panel.getByRole("button", { name: "Apply" }).focus();
  await page.keyboard.press("Enter");
  await expect(confirm).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(panel.getByRole("status")).toContainText("The term is now in stage “Consultation”.");
  expect(await stageOf(t.slug)).toBe("consultation");
  // Now in consultation, the control offers the next step forward.
  await expect(moveTo).toHaveValue("provisional");
});

test("Published on a provisional term leads to recording the decision", async ({ page, loginAs }) => {
  const t = await term("provisional");
  await loginAs({ role: "facilitator", delegation: null });
  await page.goto(`/terms/${t.slug}`);
  const panel = page.getByRole("region", { name: "Facilitator tools" });
  await panel.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`/terms/${t.slug}/decide$`));
  expect(await stageOf(t.slug)).toBe("provisional");
});

test("the API refuses a step back without confirmBack, with the code confirm_required", async ({ playwright, baseURL }) => {
  const t = await term("provisional");
  const f = await createUser({ role: "facilitator", delegation: null });
  const { apiToken } = await import("./support/auth");
  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${await apiToken(f.id)}` } });
  const refused = await api.post(`/api/terms/${t.slug}/stage`, { data: { stage: "consultation" } });
  expect(refused.status()).toBe(422);
  expect((await refused.json()).error).toMatchObject({ code: "invalid", reason: "confirm_required", fields: { confirmBack: { code: "confirm_required" } } });
  const moved = await api.post(`/api/terms/${t.slug}/stage`, { data: { stage: "consultation", confirmBack: true } });
  expect(moved.status()).toBe(200);
  await api.dispose();
});

test("the Chinese UI puts Chinese first in grade labels and names delegations in Chinese in bylines", async ({ browser, baseURL }) => {
  const proposer = await createUser({ delegation: "Canada", name: "Anne Roy" });
  const t = await term("consultation", proposer.id);
  await e2eDb().comment.create({ data: { termId: t.id, renderingId: t.renderings[0]!.id, authorId: proposer.id, stance: "for", body: "好译名。" } });
  const scholar = await createUser({ delegation: "China", locale: "zh" });
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInBrowser(page, scholar, baseURL!);
  await page.goto(`/terms/${t.slug}`);
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hans");
  await expect(page.locator(`#r-${t.renderings[0]!.id}`)).toContainText("Anne Roy（加拿大）");
  await expect(page.locator(`#r-${t.renderings[0]!.id}`)).not.toContainText("(Canada)");
  // The grades sit on each rendering's card.
  const ballot = page.locator(`#r-${t.renderings[0]!.id}`);
  await expect(ballot.locator('label[data-grade="excellent"]')).toHaveText("优秀 Excellent");
  await expect(ballot.locator('label[data-grade="excellent"] span[lang="en"]')).toHaveText("Excellent");
  await expect(page.getByText("好译名。").locator("..")).toContainText("Anne Roy（加拿大）");
  await expectAxeClean(page, "the term page in Chinese");
  await page.goto("/method");
  await expect(page.getByRole("listitem").filter({ hasText: "Excellent" }).first()).toHaveText("优秀 Excellent");
  await expectAxeClean(page, "/method in Chinese");
  await context.close();
});

test("/method shows the command-line recount to facilitators only, not to scholars or readers", async ({ page, browser, baseURL, loginAs }) => {
  const anonymous = await browser.newContext();
  const reader = await anonymous.newPage();
  await reader.goto(`${baseURL}/method`);
  await expect(reader.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(reader.getByText("npm run tally")).toHaveCount(0);
  await anonymous.close();

  await loginAs({ delegation: "Canada" });
  await page.goto("/method");
  await expect(page.getByRole("heading", { name: "8. Check it yourself" })).toBeVisible();
  await expect(page.getByText("npm run tally")).toHaveCount(0);
  await expectAxeClean(page, "/method for a scholar");

  const context = await browser.newContext();
  const fPage = await context.newPage();
  await signInBrowser(fPage, await createUser({ role: "facilitator", delegation: null }), baseURL!);
  await fPage.goto("/method");
  await expect(fPage.getByTestId("recount-cli")).toContainText("npm run tally -- ballots.json");
  await context.close();
});

test("the audit log reads in words in both languages: who, what, on which term, when", async ({ browser, baseURL }) => {
  const t = await term("consultation");
  const db = e2eDb();
  const facilitator = await createUser({ role: "facilitator", delegation: "Canada", name: "Anne Roy" });
  await db.auditEntry.createMany({
    data: [
      { actorKind: "operator", action: "term.stage", entityType: "term", entityId: t.id, before: { stage: "draft" }, after: { stage: "consultation" } },
      { actorId: facilitator.id, actorKind: "member", action: "term.stage", entityType: "term", entityId: t.id, before: { stage: "consultation" }, after: { stage: "provisional" } },
      { actorKind: "system", action: "term.deadline_passed", entityType: "term", entityId: t.id, before: { stage: "consultation" }, after: { stage: "provisional" } },
    ],
  });
  for (const [locale, words] of [
    ["en", { title: "Audit log", operator: "operator (command line)", member: "Anne Roy (Canada)", system: "system (deadline)", what: "Moved the term to another stage", details: "Consultation → Provisional", date: /\d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d UTC/ }],
    ["zh", { title: "审计日志", operator: "操作员（命令行）", member: "Anne Roy（加拿大）", system: "系统（截止时间）", what: "转换术语阶段", details: "征求意见 → 预公布", date: /\d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d UTC/ }],
  ] as const) {
    const admin = await createUser({ role: "admin", delegation: "Canada", locale });
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInBrowser(page, admin, baseURL!);
    await page.goto("/admin/audit");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const rows = page.getByRole("row").filter({ has: page.getByRole("link", { name: t.headword }) });
    await expect(rows).toHaveCount(3);
    const table = page.getByRole("region", { name: words.title });
    await expect(rows.filter({ hasText: words.operator })).toContainText(words.what);
    await expect(rows.filter({ hasText: words.member })).toContainText(words.details);
    await expect(rows.filter({ hasText: words.system })).toHaveCount(1);
    await expect(rows.first().locator("time")).toHaveText(words.date);
    // No raw codes or internal ids in what is shown (the recorded data stays folded).
    const shown = await table.evaluate((el) => {
      el.querySelectorAll("details").forEach((d) => d.remove());
      return el.textContent ?? "";
    });
    expect(shown).not.toContain("term.stage");
    expect(shown).not.toContain(t.id);
    await page.reload();
    await expectAxeClean(page, `/admin/audit in ${locale}`);
    await context.close();
  }
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a step back is refused once and confirmed by a second submit", async ({ page, loginAs }) => {
    const t = await term("provisional");
    await loginAs({ role: "facilitator", delegation: null });
    // The page rendered for the member, which the term page links to for those without JavaScript.
    await page.goto(`/terms/${t.slug}/plain`);
    const panel = page.getByRole("region", { name: "Facilitator tools" });
    await expect(panel.getByLabel("Move to")).toHaveValue("published");
    await panel.getByLabel("Move to").selectOption("consultation");
    await panel.getByRole("button", { name: "Apply" }).click();
    const ask = page.getByRole("group", { name: "Move the term back to “Consultation”?" });
    await expect(ask).toBeVisible();
    expect(await stageOf(t.slug)).toBe("provisional");
    await ask.getByRole("button", { name: "Yes, move it back" }).click();
    await expect(page.getByRole("status").filter({ hasText: "The term is now in stage “Consultation”." })).toBeVisible();
    expect(await stageOf(t.slug)).toBe("consultation");
  });
});
