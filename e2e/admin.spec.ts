import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { test, expect, createUser, e2eDb, signInBrowser } from "./support/auth";

/** Who may open what, roles and settings in the browser, and the operator CLI against the running app. */

const run = promisify(execFile);

/** `npm run admin -- ...` on the app's own database (the runner's DATA_DIR). */
async function adminCli(...args: string[]): Promise<string[]> {
  const { stdout } = await run(process.execPath, ["--conditions=react-server", "--import", "tsx", "cli/admin.ts", ...args], { env: process.env });
  return stdout.trimEnd().split("\n");
}

test("anonymous visitors are sent to sign in from member pages, and the API answers 401 in JSON", async ({ page, request }) => {
  await page.goto("/profile");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fprofile$/);
  await page.goto("/admin/invites");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fadmin%2Finvites$/);
  const res = await request.patch("/api/me", { data: { name: "Nobody" } });
  expect(res.status()).toBe(401);
  expect((await res.json()).error).toMatchObject({ code: "unauthorized", message: expect.any(String) });
  const invite = await request.post("/api/invites", { data: { delegationId: "x" } });
  expect(invite.status()).toBe(401);
});

test("a scholar sees no Admin link, is refused the admin pages, and gets 403 creating an invitation", async ({ page, loginAs, baseURL }) => {
  await loginAs({ role: "scholar", delegation: "Canada" });
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Admin" })).toHaveCount(0);
  await page.goto("/admin/invites");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("This page is for facilitators and admins.");
  await expect(page.getByRole("button", { name: "Create invitation link" })).toHaveCount(0);
  const china = await e2eDb().delegation.findUniqueOrThrow({ where: { name: "China" } });
  // The browser's own session, from a page of this site.
  const res = await page.request.post("/api/invites", { data: { delegationId: china.id }, headers: { Origin: baseURL! } });
  expect(res.status()).toBe(403);
  expect((await res.json()).error.code).toBe("forbidden");
  // Another site's page cannot write with the member's cookie, even what the member may write.
  const crossSite = await page.request.patch("/api/me", { data: { name: "Forged" }, headers: { Origin: "https://elsewhere.example" } });
  expect(crossSite.status()).toBe(403);
  expect((await crossSite.json()).error.message).toBe("Cross-site request refused.");
  const own = await page.request.patch("/api/me", { data: { affiliation: "Own page" }, headers: { Origin: baseURL! } });
  expect(own.status()).toBe(200);
});

test("a facilitator may invite scholars only, and is refused the admins' pages", async ({ page, loginAs }) => {
  await loginAs({ role: "facilitator", delegation: "China" });
  await page.goto("/admin");
  await expect(page.getByRole("link", { name: "Invitations" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Members" })).toHaveCount(0);
  await page.goto("/admin/invites");
  for (const form of ["Invite by email", "Or create a link to pass on yourself"]) {
    await expect(page.getByRole("region", { name: form }).getByLabel("Role").locator("option")).toHaveText(["scholar"]);
  }
  for (const path of ["/admin/members", "/admin/settings", "/admin/delegations"]) {
    await page.goto(path);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("This page is for admins.");
  }
});

test("an admin demotes a facilitator and disables a scholar; both lose their rights on their next request", async ({ page, browser, loginAs, baseURL }) => {
  await loginAs({ role: "admin", delegation: "China" });
  const facilitator = await createUser({ role: "facilitator", delegation: "Canada" });
  const scholar = await createUser({ role: "scholar", delegation: "Canada" });
  const theirs = await browser.newPage({ baseURL });
  await signInBrowser(theirs, facilitator, baseURL!);
  await theirs.goto("/admin/invites");
  await expect(theirs.getByRole("button", { name: "Create invitation link" })).toBeVisible();
  const scholarPage = await browser.newPage({ baseURL });
  await signInBrowser(scholarPage, scholar, baseURL!);
  await scholarPage.goto("/");
  await expect(scholarPage.getByRole("link", { name: scholar.name })).toBeVisible();

  await page.goto("/admin/members");
  await page.getByRole("combobox", { name: `Role of ${facilitator.name}` }).selectOption("scholar");
  await page.getByRole("button", { name: `Save role: ${facilitator.name}` }).click();
  await expect(page.getByRole("status")).toContainText("The role is saved.");
  await page.getByRole("button", { name: `Disable: ${scholar.name}` }).click();
  await expect(page.getByRole("status")).toContainText("The account is disabled");
  await expect(page.locator(`tr[data-email="${scholar.email}"]`)).toContainText("disabled");

  await theirs.reload();
  await expect(theirs).toHaveURL(/\/signin\?callbackUrl=%2Fadmin%2Finvites$/);
  await scholarPage.reload();
  await expect(scholarPage.getByRole("link", { name: "Sign in" })).toBeVisible();
  expect((await e2eDb().user.findUniqueOrThrow({ where: { id: facilitator.id } })).role).toBe("scholar");
  const audit = await e2eDb().auditEntry.findMany({ where: { entityId: { in: [facilitator.id, scholar.id] } }, orderBy: { id: "asc" } });
  expect(audit.map((a) => a.action)).toEqual(["user.role", "user.disable"]);
});

test("members-only site: anonymous readers are sent to sign in and the read API wants a token; open sign-up joins the chosen delegation", async ({ page, browser, loginAs, baseURL }) => {
  test.setTimeout(60_000);
  await loginAs({ role: "admin", delegation: "Canada" });
  try {
    await page.goto("/admin/settings");
    await page.getByRole("checkbox", { name: "Members-only site" }).check();
    await page.getByRole("checkbox", { name: "Open sign-up" }).check();
    await page.getByLabel("Delegation for open sign-up").selectOption({ label: "China" });
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByRole("status")).toHaveText("Settings saved.");

    const anonymous = await browser.newPage({ baseURL });
    await anonymous.goto("/terms/cso");
    await expect(anonymous).toHaveURL(/\/signin\?callbackUrl=%2Fterms%2Fcso$/);
    const api = await anonymous.request.get("/api/terms");
    expect(api.status()).toBe(401);
    expect((await api.json()).error.code).toBe("unauthorized");

    await anonymous.getByRole("link", { name: "No account yet? Sign up" }).click();
    await expect(anonymous.getByText("Create a scholar account in the China delegation.")).toBeVisible();
    const email = `open-${Date.now()}@example.org`;
    await anonymous.getByLabel("Email").fill(email);
    await anonymous.getByLabel("Name").fill("Open Sign-up");
    await anonymous.getByLabel("Password", { exact: true }).fill("open sign-up password");
    await anonymous.getByLabel("Repeat the password").fill("open sign-up password");
    await anonymous.getByRole("button", { name: "Create my account" }).click();
    await expect(anonymous.getByRole("heading", { level: 1, name: "Lexicon" })).toBeVisible();
    const joined = await e2eDb().user.findUniqueOrThrow({ where: { email }, include: { delegation: true } });
    expect([joined.role, joined.delegation?.name]).toEqual(["scholar", "China"]);

    await page.getByRole("checkbox", { name: "Members-only site" }).uncheck();
    await page.getByRole("checkbox", { name: "Open sign-up" }).uncheck();
    const saved = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/admin/settings");
    await page.getByRole("button", { name: "Save settings" }).click();
    await saved;
    await expect(page.getByRole("status")).toHaveText("Settings saved.");
    await anonymous.context().clearCookies();
    await anonymous.goto("/terms/cso");
    await expect(anonymous).toHaveURL(/\/terms\/cso$/);
    expect((await anonymous.request.get("/signup")).status()).toBe(404);
  } finally {
    await e2eDb().setting.deleteMany({ where: { key: { in: ["membersOnly", "openSignUp", "signUpDelegationId"] } } });
  }
});

test("the admin CLI creates a member and a token that the API accepts, for reading and for writing", async ({ playwright, baseURL }) => {
  test.setTimeout(90_000);
  const email = `cli-${Date.now()}@example.org`;
  const created = await adminCli("create-user", "--email", email, "--name", "Made By CLI", "--delegation", "Canada", "--role", "facilitator");
  expect(created[0]).toContain(`Created facilitator ${email}`);
  const token = (await adminCli("create-token", "--email", email, "--label", "e2e")).at(-1)!;
  expect(token).toMatch(/^gs_/);

  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
  const terms = await api.get("/api/terms");
  expect(terms.status()).toBe(200);
  expect((await terms.json()).terms.map((t: { slug: string }) => t.slug)).toContain("cso");
  const write = await api.patch("/api/me", { data: { name: "Renamed Through The API" } });
  expect(write.status()).toBe(200);
  expect((await write.json()).name).toBe("Renamed Through The API");
  const china = await e2eDb().delegation.findUniqueOrThrow({ where: { name: "China" } });
  const invite = await api.post("/api/invites", { data: { delegationId: china.id } });
  expect(invite.status()).toBe(201);

  const url = (await adminCli("invite", "--delegation", "China")).at(-1)!;
  expect(url).toMatch(/\/invite\/[\w-]{43}$/);
  await adminCli("disable", "--email", email);
  expect((await api.get("/api/me")).status()).toBe(401);
  await api.dispose();
});
