import { createHash } from "node:crypto";
import type { Page } from "@playwright/test";
import { test, expect, e2eDb } from "./support/auth";
import { createInviteLink, newcomer } from "./support/invites";
import { e2eSmtpPort, signInLink, startSmtp, type TestSmtp } from "../test/support/smtp";

/**
 * Membership journeys: a facilitator invites a Canadian and a Chinese scholar; each opens
 * their link, creates an account and is signed in; later they sign in again, by password and
 * by an email link read from a real SMTP server. And the links that cannot be used.
 */

let mailbox: TestSmtp;
test.beforeAll(async () => {
  mailbox = await startSmtp(e2eSmtpPort());
});
test.afterAll(async () => {
  await mailbox?.close();
});

async function createInvite(page: Page, delegation: string): Promise<string> {
  // The link form (the email form above it has its own delegation field).
  await page.getByRole("region", { name: "Or create a link to pass on yourself" }).getByLabel("Delegation").selectOption({ label: delegation });
  const shown = page.getByTestId("invite-url");
  const before = (await shown.count()) ? await shown.textContent() : null;
  await page.getByRole("button", { name: "Create invitation link" }).click();
  await expect(shown).toBeVisible();
  if (before) await expect(shown).not.toHaveText(before);
  const url = (await shown.textContent())!.trim();
  expect(url).toMatch(/\/invite\/[\w-]{43}$/);
  return new URL(url).pathname;
}

type Person = ReturnType<typeof newcomer>;

async function fillAccount(page: Page, p: Person, { affiliation, language }: { affiliation: string; language: "English" | "中文" }) {
  await page.getByLabel("Email").fill(p.email);
  await page.getByLabel("Name").fill(p.name);
  await page.getByLabel("Affiliation").fill(affiliation);
  await page.getByLabel("Preferred language").selectOption({ label: language });
  await page.getByLabel("Password", { exact: true }).fill(p.password);
  await page.getByLabel("Repeat the password").fill(p.password);
}

test("a facilitator invites a Canadian and a Chinese scholar; both join, then sign in by password and by email link", async ({ page, browser, loginAs, baseURL }) => {
  test.setTimeout(120_000);
  await loginAs({ role: "facilitator", delegation: "Canada" });
  await page.goto("/");
  await page.getByRole("link", { name: "Admin" }).click();
  await page.getByRole("link", { name: "Invitations" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Invitations" })).toBeVisible();
  const canadaLink = await createInvite(page, "Canada");
  const chinaLink = await createInvite(page, "China");
  await expect(page.getByRole("row").filter({ hasText: "China" }).first()).toContainText("open");

  // The Canadian scholar, in English.
  const anne = newcomer("Anne Tremblay");
  const canadian = await browser.newPage({ baseURL });
  await canadian.goto(canadaLink);
  await expect(canadian.getByText("You are invited to join the Canada delegation as a scholar.")).toBeVisible();
  await fillAccount(canadian, anne, { affiliation: "University of Toronto", language: "English" });
  await canadian.getByRole("button", { name: "Create my account" }).click();
  await expect(canadian).toHaveURL(`${baseURL}/`);
  await expect(canadian.getByRole("link", { name: anne.name })).toBeVisible();
  // ...signs out, and back in with the password.
  await canadian.getByRole("button", { name: "Sign out" }).click();
  await expect(canadian.getByRole("link", { name: "Sign in" })).toBeVisible();
  await canadian.goto("/signin");
  await canadian.getByLabel("Email").fill(anne.email);
  await canadian.getByLabel("Password").fill(anne.password);
  await canadian.getByRole("button", { name: "Sign in" }).click();
  await expect(canadian.getByRole("link", { name: anne.name })).toBeVisible();

  // The Chinese scholar chooses Chinese; the interface follows.
  const li = newcomer("Li Wei");
  const chinese = await browser.newPage({ baseURL });
  await chinese.goto(chinaLink);
  await expect(chinese.getByText("You are invited to join the China delegation as a scholar.")).toBeVisible();
  await fillAccount(chinese, li, { affiliation: "China Institutes of Contemporary International Relations", language: "中文" });
  await chinese.getByRole("button", { name: "Create my account" }).click();
  await expect(chinese).toHaveURL(`${baseURL}/`);
  await expect(chinese.getByRole("heading", { level: 1, name: "术语表" })).toBeVisible();
  await expect(chinese.getByRole("link", { name: li.name })).toBeVisible();
  // ...signs out, and back in with a link from their mailbox.
  await chinese.getByRole("button", { name: "退出" }).click();
  await expect(chinese.getByRole("link", { name: "登录" })).toBeVisible();
  await chinese.goto("/signin");
  await chinese.getByLabel("电子邮箱").fill(li.email);
  await chinese.getByRole("button", { name: "发送登录链接" }).click();
  await expect(chinese).toHaveURL(/\/signin\/check-email$/);
  const mail = await mailbox.waitFor(li.email);
  expect(mail.subject).toBe("您的共商登录链接");
  await chinese.goto(signInLink(mail));
  await expect(chinese.getByRole("link", { name: li.name })).toBeVisible();
  // A link works once.
  await chinese.getByRole("button", { name: "退出" }).click();
  await expect(chinese.getByRole("link", { name: "登录" })).toBeVisible();
  await chinese.goto(signInLink(mail));
  await expect(chinese.getByRole("main").getByRole("alert")).toContainText("登录链接已过期或已被使用");

  const db = e2eDb();
  const rows = await db.user.findMany({ where: { email: { in: [anne.email, li.email] } }, include: { delegation: true }, orderBy: { email: "asc" } });
  expect(rows.map((r) => [r.email, r.delegation?.name, r.role, r.locale, r.affiliation])).toEqual([
    [anne.email, "Canada", "scholar", "en", "University of Toronto"],
    [li.email, "China", "scholar", "zh", "China Institutes of Contemporary International Relations"],
  ]);
  for (const link of [canadaLink, chinaLink]) {
    const invite = await db.invite.findUniqueOrThrow({ where: { tokenHash: createHash("sha256").update(link.split("/").at(-1)!).digest("hex") } });
    expect([invite.uses, invite.maxUses]).toEqual([1, 1]);
  }
});

test("an expired invitation says so and offers no form", async ({ page }) => {
  const { path } = await createInviteLink({ expiresAt: new Date(Date.now() - 60_000) });
  await page.goto(path);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("This invitation has expired. Ask the person who invited you for a new one.");
  await expect(page.getByRole("button", { name: "Create my account" })).toHaveCount(0);
});

test("a single-use invitation works once: a second person is told it was used, and keeps what they typed", async ({ page, browser, baseURL }) => {
  const { path } = await createInviteLink({ delegation: "China" });
  const second = await browser.newPage({ baseURL });
  await page.goto(path);
  await second.goto(path);

  const first = newcomer("Wang Fang");
  await fillAccount(page, first, { affiliation: "Fudan University", language: "English" });
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page.getByRole("link", { name: first.name })).toBeVisible();

  const late = newcomer("Zhang Min");
  await fillAccount(second, late, { affiliation: "Tsinghua University", language: "English" });
  await second.getByRole("button", { name: "Create my account" }).click();
  await expect(second.getByRole("main").getByRole("alert")).toHaveText("This invitation has already been used. Ask the person who invited you for a new one.");
  await expect(second.getByLabel("Name")).toHaveValue(late.name);
  await expect(second.getByLabel("Email")).toHaveValue(late.email);
  expect(await e2eDb().user.count({ where: { email: late.email } })).toBe(0);

  await second.goto(path);
  await expect(second.getByRole("main").getByRole("alert")).toHaveText("This invitation has already been used. Ask the person who invited you for a new one.");
});

test("a withdrawn invitation and a mistyped link are refused", async ({ page, loginAs }) => {
  await loginAs({ role: "facilitator", delegation: "China" });
  const { id, path } = await createInviteLink({ delegation: "China" });
  await page.goto("/admin/invites");
  const row = page.getByRole("row").filter({ has: page.getByRole("button", { name: /^Withdraw/ }) });
  await expect(row.first()).toBeVisible();
  await page.locator(`form:has(input[name="id"][value="${id}"]) button`).click();
  await expect(page.getByRole("status")).toHaveText("The invitation was withdrawn.");
  await page.context().clearCookies();
  await page.goto(path);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("This invitation was withdrawn. Ask the person who invited you for a new one.");
  await page.goto(`${path.slice(0, -3)}xyz`);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("This invitation link is not valid.");
});

/** Issue 16: refusals are said in the page, at the field, in the reader's language; never in a browser bubble. */
for (const [locale, texts] of [
  ["en-US", { email: "Enter a valid email address.", password: "Use at least 10 characters.", summary: "Please check the highlighted fields." }],
  ["zh-CN", { email: "请输入有效的电子邮箱地址。", password: "请至少使用 10 个字符。", summary: "请检查标出的字段。" }],
] as const) {
  test(`an invitation refused for a bad email and a short password says so at each field (${locale})`, async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL, locale });
    const page = await context.newPage();
    const { path } = await createInviteLink({ delegation: "Canada" });
    await page.goto(path);
    const form = page.locator("form").filter({ has: page.locator('input[name="password"]') });
    // The browser's own checks are off, so they can never stand in for ours.
    expect(await form.evaluate((f: HTMLFormElement) => f.noValidate)).toBe(true);
    const email = page.locator('input[name="email"]');
    const password = page.locator('input[name="password"]');
    await email.fill("not an address");
    await page.locator('input[name="name"]').fill("Short Password");
    await password.fill("short");
    await page.locator('input[name="passwordConfirm"]').fill("short");
    await form.locator('button[type="submit"]').click();

    await expect(page.getByRole("main").getByRole("alert")).toHaveText(texts.summary);
    for (const [input, message] of [[email, texts.email], [password, texts.password]] as const) {
      await expect(input).toHaveAttribute("aria-invalid", "true");
      await expect(input).toHaveAccessibleDescription(new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
      // The message sits in the field's own box, right below the control, and the control is highlighted.
      await expect(input.locator("xpath=..")).toContainText(message);
      expect(await input.evaluate((el) => getComputedStyle(el).borderTopWidth)).toBe("2px");
    }
    // What was typed is still there (never the password); the fields that were fine are not marked.
    await expect(email).toHaveValue("not an address");
    await expect(page.locator('input[name="name"]')).not.toHaveAttribute("aria-invalid", "true");
    await context.close();
  });
}

test("an account is created from an invitation without JavaScript too", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  const { path } = await createInviteLink({ delegation: "Canada" });
  await page.goto(path);
  const p = newcomer("Paul Martin");
  await fillAccount(page, p, { affiliation: "McGill University", language: "English" });
  await page.getByLabel("Repeat the password").fill("not the same password");
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page.getByText("The two passwords differ.")).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveValue(p.name);
  await page.getByLabel("Password", { exact: true }).fill(p.password);
  await page.getByLabel("Repeat the password").fill(p.password);
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page.getByRole("status")).toContainText("Your account is ready. Sign in with your email and password.");
  expect(await e2eDb().user.count({ where: { email: p.email } })).toBe(1);
  await context.close();
});

test("the invitation page fits a 360 px phone and works with the keyboard", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  const { path } = await createInviteLink();
  await page.goto(path);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.getByLabel("Email").focus();
  const order: string[] = [];
  for (let i = 0; i < 7; i++) {
    order.push(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name || document.activeElement?.textContent || ""));
    await page.keyboard.press("Tab");
  }
  expect(order).toEqual(["email", "name", "affiliation", "locale", "password", "passwordConfirm", "Create my account"]);
});
