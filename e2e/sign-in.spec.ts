import { test, expect, createUser, e2eDb } from "./support/auth";

test("a member signs in with email and password, sees their name, and signs out", async ({ page }) => {
  const user = await createUser({ delegation: "China" });
  await page.goto("/signin?callbackUrl=/terms/cso");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/terms\/cso$/);
  await expect(page.getByRole("link", { name: user.name })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(page.getByRole("link", { name: user.name })).toHaveCount(0);
});

test("a wrong password says so and keeps the email", async ({ page }) => {
  const user = await createUser();
  await page.goto("/signin");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "email or password is wrong" })).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(user.email);
});

test("after 10 failed attempts from this browser's address it is refused, even the right password, and the member is told", async ({ page }) => {
  const user = await createUser();
  await page.goto("/signin");
  for (let i = 0; i < 10; i++) {
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(`wrong-${i}`);
    const answered = page.waitForResponse((r) => r.url().includes("/api/auth/callback/credentials"));
    await page.getByRole("button", { name: "Sign in" }).click();
    await answered;
    await expect(page.getByRole("alert").filter({ hasText: "email or password is wrong" })).toBeVisible();
  }
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Too many failed attempts for this email" })).toBeVisible();
  // Counted per account and client (this browser's address, as the server saw the connection).
  const own = await e2eDb().rateWindow.findUnique({ where: { key: `signin:${user.email}|127.0.0.1` } });
  expect(own?.count).toBe(11);
  expect(own?.windowStart.getTime() ?? 0).toBeGreaterThan(Date.now() - 60_000);
  const account = await e2eDb().rateWindow.findUnique({ where: { key: `signin:${user.email}` } });
  expect(account?.count, "the refused attempt was never checked").toBe(10);
  const told = await e2eDb().notification.findMany({ where: { userId: user.id, kind: "sign_in_guessed" } });
  expect(told).toHaveLength(1);
});

test("a disabled member's session loses its rights on the next request", async ({ page, loginAs }) => {
  const { user } = await loginAs({ delegation: "Canada" });
  await page.goto("/");
  await expect(page.getByRole("link", { name: user.name })).toBeVisible();
  await e2eDb().user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
  await page.reload();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
});

test("the session cookie is httpOnly and SameSite=Lax", async ({ page, context }) => {
  const user = await createUser();
  await page.goto("/signin");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("link", { name: user.name })).toBeVisible();
  const cookie = (await context.cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe("Lax");
});

/** Issue 16: a missing email or password is said at its field, in the reader's language, not in a browser bubble. */
for (const [locale, email, password] of [
  ["en-GB", "Enter a valid email address.", "Enter your password."],
  ["zh-CN", "请输入有效的电子邮箱地址。", "请输入密码。"],
] as const) {
  test(`an empty sign-in is refused at its fields (${locale})`, async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL, locale });
    const page = await context.newPage();
    await page.goto("/signin");
    await page.getByRole("main").locator('form button[type="submit"]').click();
    for (const [name, message] of [["email", email], ["password", password]] as const) {
      const input = page.locator(`input[name="${name}"]`);
      await expect(input).toHaveAttribute("aria-invalid", "true");
      await expect(input.locator("xpath=..")).toContainText(message);
      await expect(input).toHaveAccessibleDescription(new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
    }
    await page.locator('input[name="email"]').fill("someone@example.org");
    await page.getByRole("main").locator('form button[type="submit"]').click();
    await expect(page.locator('input[name="email"]')).not.toHaveAttribute("aria-invalid", "true");
    await expect(page.locator('input[name="password"]')).toHaveAttribute("aria-invalid", "true");
    await context.close();
  });
}
