import { test, expect, createUser, e2eDb, signInBrowser } from "./support/auth";

/** The profile page: name, affiliation, language, password, personal API tokens. */

test("a scholar edits their profile; the delegation is read-only; the language follows", async ({ page, loginAs }) => {
  const { user } = await loginAs({ delegation: "China" });
  await page.goto("/");
  await page.getByRole("link", { name: user.name }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your profile" })).toBeVisible();
  await expect(page.getByText("Set by your invitation; an admin can change it.")).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Delegation" })).toHaveCount(0);
  await page.getByLabel("Name").fill("Chen Jing");
  await page.getByLabel("Affiliation").fill("Renmin University of China");
  await page.getByLabel("Preferred language").selectOption("zh");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByRole("status").filter({ hasText: "个人资料已保存" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Chen Jing" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "个人资料" })).toBeVisible();
  const row = await e2eDb().user.findUniqueOrThrow({ where: { id: user.id } });
  expect([row.name, row.affiliation, row.locale]).toEqual(["Chen Jing", "Renmin University of China", "zh"]);
});

test("a refused profile change keeps what was typed and says why beside the field", async ({ page, loginAs }) => {
  await loginAs();
  await page.goto("/profile");
  await page.getByLabel("Affiliation").fill("A very long affiliation that keeps going");
  await page.getByLabel("ORCID iD (optional)").fill("0000-0002-1825-0097");
  await page.getByLabel("Name").fill(" ");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Enter your name.")).toBeVisible();
  await expect(page.getByLabel("Affiliation")).toHaveValue("A very long affiliation that keeps going");
  await expect(page.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
});

test("after changing their password the scholar stays signed in here; the old password no longer works", async ({ page, browser, baseURL }) => {
  const user = await createUser({ delegation: "Canada" });
  await signInBrowser(page, user, baseURL!);
  // A second device, signed in before the change.
  const other = await browser.newPage({ baseURL });
  await signInBrowser(other, user, baseURL!);
  await other.goto("/");
  await expect(other.getByRole("link", { name: user.name })).toBeVisible();

  await page.goto("/profile");
  await page.getByLabel("Current password").fill("not it");
  await page.getByLabel("New password").fill("a brand new password");
  await page.getByLabel("Repeat the password").fill("a brand new password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("The current password is wrong.")).toBeVisible();

  await page.getByLabel("Current password").fill(user.password);
  await page.getByLabel("New password").fill("a brand new password");
  await page.getByLabel("Repeat the password").fill("a brand new password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your password is changed. Other devices are signed out." })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("link", { name: user.name })).toBeVisible();

  await other.reload();
  await expect(other.getByRole("link", { name: "Sign in" })).toBeVisible();
  await other.goto("/signin");
  await other.getByLabel("Email").fill(user.email);
  await other.getByLabel("Password").fill(user.password);
  await other.getByRole("button", { name: "Sign in" }).click();
  await expect(other.getByRole("main").getByRole("alert").filter({ hasText: "email or password is wrong" })).toBeVisible();
  await other.getByLabel("Password").fill("a brand new password");
  await other.getByRole("button", { name: "Sign in" }).click();
  await expect(other.getByRole("link", { name: user.name })).toBeVisible();
});

test("API tokens: shown once, listed with label and prefix, accepted by the API until revoked", async ({ page, loginAs, playwright, baseURL }) => {
  const { user } = await loginAs({ delegation: "Canada" });
  await page.goto("/profile");
  await page.getByLabel("Label").fill("laptop script");
  await page.getByRole("button", { name: "Create token" }).click();
  const shown = page.getByTestId("new-token");
  await expect(shown).toBeVisible();
  const token = (await shown.textContent())!.trim();
  expect(token).toMatch(/^gs_[\w-]{43}$/);
  const row = page.getByRole("row").filter({ hasText: "laptop script" });
  await expect(row).toContainText(token.slice(0, 10));
  await expect(row).toContainText("never");

  const api = await playwright.request.newContext({ baseURL });
  const me = await api.get("/api/me", { headers: { Authorization: `Bearer ${token}` } });
  expect(me.status()).toBe(200);
  expect((await me.json()).email).toBe(user.email);
  const patched = await api.patch("/api/me", { headers: { Authorization: `Bearer ${token}` }, data: { affiliation: "Set by a script" } });
  expect(patched.status()).toBe(200);
  expect((await patched.json()).affiliation).toBe("Set by a script");

  await page.reload();
  await expect(page.getByRole("row").filter({ hasText: "laptop script" })).not.toContainText("never");
  await expect(page.getByTestId("new-token")).toHaveCount(0);
  await page.getByRole("button", { name: "Revoke laptop script" }).click();
  await expect(page.getByRole("status")).toHaveText("The token was revoked; requests with it are now refused.");
  await expect(page.getByRole("row").filter({ hasText: "laptop script" })).toContainText("revoked");
  const refused = await api.get("/api/me", { headers: { Authorization: `Bearer ${token}` } });
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error).toMatchObject({ code: "unauthorized" });
  await api.dispose();
});

test("the profile page fits a 360 px phone", async ({ page, loginAs }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await loginAs({ role: "admin", delegation: "China" });
  await page.goto("/profile");
  await expect(page.getByRole("heading", { level: 1, name: "Your profile" })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
