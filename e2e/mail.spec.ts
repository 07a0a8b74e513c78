import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { test, expect, createUser, e2eDb, signInBrowser, apiToken } from "./support/auth";
import { newcomer } from "./support/invites";
import { e2eSmtpPort, startSmtp, type Mail, type TestSmtp } from "../test/support/smtp";

/**
 * Journeys through the real SMTP test server: a forgotten password reset by email; a notice of
 * a term opening for consultation received and unsubscribed with one click; an invitation sent
 * by email and joined. The new pages pass axe in both languages.
 */

let mailbox: TestSmtp;
// Axe and the mail's way through the outbox take their time on a loaded machine.
test.describe.configure({ timeout: 120_000 });

test.beforeAll(async () => {
  mailbox = await startSmtp(e2eSmtpPort());
});
test.afterAll(async () => {
  await mailbox?.close();
});

function linkIn(mail: Mail, path: string): string {
  const m = new RegExp(`https?://\\S+${path}/[\\w.-]+`).exec(mail.text);
  if (!m) throw new Error(`no ${path} link in the mail:\n${mail.text}`);
  return m[0];
}

async function expectAxeClean(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

test("a member who forgot their password resets it by email; the link works once; other sessions end", async ({ page, browser, baseURL, request }) => {
  const user = await createUser({ delegation: "Canada" });
  const other = await browser.newPage({ baseURL });
  await signInBrowser(other, user, baseURL!);
  await other.goto("/");
  await expect(other.getByRole("link", { name: user.name })).toBeVisible();

  // The same answer for a stranger as for a member.
  const stranger = await request.post("/api/auth/password-reset", { data: { email: `nobody-${randomBytes(3).toString("hex")}@example.org` } });
  expect(stranger.status()).toBe(202);

  await page.goto("/signin");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Reset your password" })).toBeVisible();
  await expectAxeClean(page);
  await page.getByLabel("Email").fill(user.email);
  await page.getByRole("button", { name: "Email me a reset link" }).click();
  await expect(page.getByRole("status")).toContainText("If this address belongs to a member, a reset link is on its way.");
  const member = await request.post("/api/auth/password-reset", { data: { email: `other-${randomBytes(3).toString("hex")}@example.org` } });
  expect(await member.json()).toEqual(await stranger.json());

  const mail = await mailbox.waitFor(user.email, { timeoutMs: 45_000 });
  // (the helper's header decoding may leave a space where encoded words meet)
  expect(mail.subject.replace(/\s+/g, "")).toBe("ResetyourGongshang共商password");
  const link = linkIn(mail, "/reset-password");
  expect(new URL(link).origin).toBe(new URL(baseURL!).origin);
  const row = await e2eDb().passwordReset.findFirstOrThrow({ where: { userId: user.id } });
  expect(link).not.toContain(row.tokenHash);

  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Choose a new password" })).toBeVisible();
  await expectAxeClean(page);
  await page.getByLabel("New password", { exact: true }).fill("a fresh new password");
  await page.getByLabel("Repeat the new password").fill("a fresh new password");
  await page.getByRole("button", { name: "Set the new password" }).click();
  await expect(page.getByRole("status")).toContainText("Your password is changed and your other sessions are signed out.");

  await other.reload();
  await expect(other.getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto(link);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("This reset link was already used. Ask for a new one if you need to.");

  await page.goto("/signin");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill("a fresh new password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("link", { name: user.name })).toBeVisible();
});

test("a term opening for consultation reaches a member by email in their language; one click unsubscribes", async ({ page, browser, baseURL, request }) => {
  const scholar = await createUser({ delegation: "China", locale: "zh" });
  const facilitator = await createUser({ role: "facilitator", delegation: "Canada" });
  const tag = randomBytes(4).toString("hex");
  const term = await e2eDb().term.create({ data: { slug: `notice-${tag}`, headword: `mutual reassurance ${tag}`, stage: "draft" } });
  const moved = await request.post(`/api/terms/${term.slug}/stage`, {
    data: { stage: "consultation" },
    headers: { Authorization: `Bearer ${await apiToken(facilitator.id)}` },
  });
  expect(moved.status()).toBe(200);

  const mail = await mailbox.waitFor(scholar.email, { timeoutMs: 45_000 });
  expect(mail.subject.replace(/\s+/g, "")).toBe(`“${term.headword}”开始征求意见`.replace(/\s+/g, ""));
  expect(mail.text).toContain(`${baseURL}/terms/${term.slug}`);
  expect(mail.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
  const oneClick = /^List-Unsubscribe: <([^>]+)>/m.exec(mail.raw.replace(/\r?\n[ \t]+/g, " "))![1]!;

  // In the app too: the notification, and the term needs the member's grade.
  await signInBrowser(page, scholar, baseURL!);
  await page.goto("/");
  await page.getByRole("banner").getByRole("link", { name: /待我评分/ }).click();
  await expect(page).toHaveURL(/\?needs=grade$/);
  await expect(page.getByRole("link", { name: term.headword })).toBeVisible();
  await page.goto("/notifications");
  await expect(page.getByRole("link", { name: new RegExp(`“${term.headword}”开始征求意见`) })).toBeVisible();

  // The unsubscribe page needs no sign-in; GET changes nothing, the button does.
  const anonymousContext = await browser.newContext({ baseURL });
  const anonymous = await anonymousContext.newPage();
  await anonymousContext.addCookies([{ name: "locale", value: "zh", url: baseURL! }]);
  await anonymous.goto(linkIn(mail, "/unsubscribe"));
  await expect(anonymous.getByRole("heading", { level: 1, name: "停止此类邮件" })).toBeVisible();
  await expectAxeClean(anonymous);
  expect(await e2eDb().noticeOptOut.count({ where: { userId: scholar.id } })).toBe(0);
  await anonymous.getByRole("button", { name: "停止此类邮件" }).click();
  await expect(anonymous.getByRole("status")).toContainText("您将不再收到“术语开始征求意见”的邮件");
  expect((await e2eDb().noticeOptOut.findMany({ where: { userId: scholar.id } })).map((o) => o.kind)).toEqual(["consultation"]);
  await anonymousContext.close();
  // The RFC 8058 one-click POST a mail client sends.
  expect((await request.post(oneClick, { form: { "List-Unsubscribe": "One-Click" } })).status()).toBe(200);

  // The profile shows the setting off, and turns it back on.
  await page.goto("/profile");
  const box = page.getByLabel("术语开始征求意见");
  await expect(box).not.toBeChecked();
  await box.check();
  await page.getByRole("button", { name: "保存邮件设置" }).click();
  await expect(page.getByRole("status").filter({ hasText: "邮件设置已保存" })).toBeVisible();
  expect(await e2eDb().noticeOptOut.count({ where: { userId: scholar.id } })).toBe(0);
});

test("a facilitator invites by email with a note; the invitee joins from the mail; the list shows it", async ({ page, browser, baseURL, loginAs }) => {
  await loginAs({ role: "facilitator", delegation: "China" });
  const person = newcomer("Wang Fang");
  await page.goto("/admin/invites");
  await expectAxeClean(page);
  const form = page.getByRole("region", { name: "Invite by email" });
  await form.getByLabel("Email addresses").fill(`Wang Fang <${person.email}>`);
  await form.getByLabel("Personal note").fill("We would value your view on 多元共商.");
  await form.getByLabel("Delegation").selectOption({ label: "China" });
  await form.getByRole("button", { name: "Send invitations" }).click();
  await expect(form.getByRole("status")).toContainText("Invitations sent to 1 address(es).");
  const row = page.getByRole("row").filter({ hasText: person.email });
  await expect(row).toContainText("open");

  const mail = await mailbox.waitFor(person.email, { timeoutMs: 45_000 });
  expect(mail.text).toContain("Dear Wang Fang,");
  expect(mail.text).toContain("We would value your view on 多元共商.");
  const link = linkIn(mail, "/invite");

  const context = await browser.newContext({ baseURL });
  const invitee = await context.newPage();
  await invitee.goto(link);
  await invitee.getByLabel("Email").fill(person.email);
  await invitee.getByLabel("Name").fill(person.name);
  await invitee.getByLabel("Password", { exact: true }).fill(person.password);
  await invitee.getByLabel("Repeat the password").fill(person.password);
  await invitee.getByRole("button", { name: "Create my account" }).click();
  await expect(invitee.getByRole("link", { name: person.name })).toBeVisible();
  await context.close();

  await page.reload();
  await expect(page.getByRole("row").filter({ hasText: person.email })).toContainText(`joined: ${person.name}`);
});

test("the new pages pass axe in Chinese too", async ({ page, baseURL }) => {
  await page.context().addCookies([{ name: "locale", value: "zh", url: baseURL! }]);
  for (const url of ["/reset-password", "/reset-password/not-a-valid-token", "/unsubscribe/not.a.token"]) {
    await page.goto(url);
    await expectAxeClean(page);
  }
  const admin = await createUser({ role: "admin", delegation: "China", locale: "zh" });
  await signInBrowser(page, admin, baseURL!);
  for (const url of ["/admin/invites", "/profile"]) {
    await page.goto(url);
    await expectAxeClean(page);
  }
});
