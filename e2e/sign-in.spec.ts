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

test("after 10 failed attempts the email is locked out, even with the right password", async ({ page, request }) => {
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
  await expect(page.getByRole("alert").filter({ hasText: "Sign-in is paused for 15 minutes" })).toBeVisible();
  const row = await e2eDb().signInThrottle.findUnique({ where: { email: user.email } });
  // The 10 failures and the refused 11th attempt are counted, in a window begun with the first.
  expect(row?.failures).toBe(11);
  expect(row?.windowStart.getTime() ?? 0).toBeGreaterThan(Date.now() - 60_000);
  void request;
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
