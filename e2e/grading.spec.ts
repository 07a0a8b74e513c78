import { randomBytes } from "node:crypto";
import { request as playwrightRequest, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { test, expect, apiToken, createUser, e2eDb, signInBrowser } from "./support/auth";
import { resultsSchema } from "../lib/tally/schema";

const LABELS: Record<string, string> = {
  Excellent: "Excellent 优秀",
  "Very good": "Very good 很好",
  Good: "Good 好",
  Acceptable: "Acceptable 可接受",
  Poor: "Poor 欠佳",
  Reject: "Reject 不可接受",
};

/** The radio of a grade within a rendering's group; grades are labelled in both languages. */
function grade(page: Page, rendering: string, label: keyof typeof LABELS) {
  return page.getByRole("group", { name: rendering }).getByRole("radio", { name: LABELS[label], exact: true });
}

function notSaved(page: Page) {
  return page.getByRole("alert").filter({ hasText: "Your ballot was not saved" });
}

function reason(page: Page, rendering: string) {
  return page.getByRole("group", { name: rendering }).getByRole("textbox");
}

function consensus(page: Page) {
  return page.getByRole("region", { name: "Consensus", exact: true });
}

/** A personal API token for the user, made as the token service makes them (only the hash is stored). */
/** A term of the test's own, in consultation, so that its ballots meet no other test's. */
async function openTerm(texts: string[], stage: "consultation" | "provisional" = "consultation") {
  const slug = `e2e-${randomBytes(4).toString("hex")}`;
  await e2eDb().term.create({
    data: {
      slug,
      headword: `test term ${slug}`,
      stage,
      renderings: { create: texts.map((text, i) => ({ text, normalizedKey: text, createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)) })) },
    },
  });
  return slug;
}

test("two scholars of different delegations grade the CSO renderings and both see the consensus change", async ({ page, browser, baseURL, loginAs }) => {
  await loginAs({ delegation: "Canada" });
  await page.goto("/terms/cso");
  await grade(page, "多元共商", "Excellent").check();
  await grade(page, "多元共存", "Good").check();
  await grade(page, "多元共生", "Reject").check();
  await reason(page, "多元共生").fill("共生 reads as biological symbiosis.");
  await grade(page, "多元共进", "Poor").check();
  await page.getByRole("button", { name: "Save ballot" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved (revision 1)" })).toBeVisible();
  // Only Canada has voted: its favourite is the consensus, and the page updated without a reload.
  await expect(consensus(page)).toContainText("多元共商");

  const china = await createUser({ delegation: "China" });
  const other = await browser.newContext();
  const page2 = await other.newPage();
  await signInBrowser(page2, china, baseURL!);
  await page2.goto("/terms/cso");
  await expect(consensus(page2)).toContainText("多元共商");
  await grade(page2, "多元共商", "Reject").check();
  await reason(page2, "多元共商").fill("共商 names a procedure, not an order.");
  await grade(page2, "多元共存", "Very good").check();
  await grade(page2, "多元共生", "Excellent").check();
  await grade(page2, "多元共进", "Acceptable").check();
  await page2.getByRole("button", { name: "Save ballot" }).click();
  await expect(page2.getByRole("status").filter({ hasText: "Saved (revision 1)" })).toBeVisible();
  // China rejects 多元共商; 多元共存 is acceptable to both and now leads.
  await expect(consensus(page2)).toContainText("多元共存");

  await page.reload();
  await expect(consensus(page)).toContainText("多元共存");
  await expect(page.getByText("共商 names a procedure, not an order.").first()).toBeVisible();
  await expect(page.getByRole("table", { name: /Pairwise comparison/ })).toBeVisible();
  const axe = await new AxeBuilder({ page }).include("#ballot").include("#results").analyze();
  expect(axe.violations).toEqual([]);

  // The API serves the same results, and each scholar's ballot is their own.
  const results = resultsSchema.parse(await (await page.request.get("/api/terms/cso/results")).json());
  expect(results.renderings[results.consensus!]!.text).toBe("多元共存");
  const mine = await (await page.request.get("/api/terms/cso/ballot")).json();
  expect(Object.values(mine.grades).sort()).toEqual(["excellent", "good", "poor", "reject"]);
  await other.close();
});

test("a reject without a reason is refused beside its field, nothing typed is lost, and the keyboard suffices", async ({ page, loginAs }) => {
  const slug = await openTerm(["甲乙", "丙丁"]);
  await loginAs({ delegation: "China" });
  await page.goto(`/terms/${slug}`);
  // Arrow keys move through a group's grades; Tab moves on.
  await grade(page, "甲乙", "Excellent").focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowRight");
  await expect(grade(page, "甲乙", "Reject")).toBeChecked();
  await page.keyboard.press("Tab"); // the reason, shown now that "reject" is chosen
  await expect(reason(page, "甲乙")).toBeFocused();
  await page.keyboard.press("Tab"); // into 丙丁, on its checked "No opinion"
  await page.keyboard.press("ArrowRight"); // round to "Excellent"
  await page.keyboard.press("ArrowRight");
  await expect(grade(page, "丙丁", "Very good")).toBeChecked();
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Note (optional)")).toBeFocused();
  await page.keyboard.type("first pass");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Save ballot" })).toBeFocused();
  await page.keyboard.press("Enter");

  const alert = notSaved(page);
  await expect(alert).toContainText("A reject needs a reason");
  await expect(alert).toBeFocused();
  await expect(grade(page, "甲乙", "Reject")).toBeChecked();
  await expect(grade(page, "丙丁", "Very good")).toBeChecked();
  await expect(page.getByLabel("Note (optional)")).toHaveValue("first pass");
  await expect(reason(page, "甲乙")).toHaveAttribute("aria-invalid", "true");

  await reason(page, "甲乙").focus();
  await page.keyboard.type("Too vague.");
  await page.getByRole("button", { name: "Save ballot" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Saved (revision 1)" })).toBeVisible();
  await expect(notSaved(page)).toHaveCount(0);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the ballot is a plain form post: it saves, reports, and keeps the input on an error", async ({ page, loginAs }) => {
    const slug = await openTerm(["戊己", "庚辛"]);
    await loginAs({ delegation: "Canada" });
    await page.goto(`/terms/${slug}`);
    await grade(page, "戊己", "Reject").check();
    await grade(page, "庚辛", "Good").check();
    await page.getByRole("button", { name: "Save ballot" }).click();
    await expect(notSaved(page)).toContainText("A reject needs a reason");
    await expect(grade(page, "戊己", "Reject")).toBeChecked();
    await expect(grade(page, "庚辛", "Good")).toBeChecked();

    await reason(page, "戊己").fill("Reads as a list of names.");
    await page.getByRole("button", { name: "Save ballot" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved (revision 1)" })).toBeVisible();
    await expect(consensus(page)).toContainText("庚辛");
    await expect(page.getByText("Reads as a list of names.").first()).toBeVisible();
  });
});

test("a reader who is not signed in sees the results and a way to sign in, and the method in both languages", async ({ page }) => {
  await page.goto("/terms/cso");
  await expect(page.getByRole("link", { name: "Sign in to grade" })).toHaveAttribute("href", /\/signin\?callbackUrl=/);
  await expect(page.getByRole("heading", { name: "Results" })).toBeVisible();
  await page.getByRole("link", { name: "How results are computed" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "How results are computed" })).toBeVisible();
  await expect(page.getByText("then by the earlier proposal")).toBeVisible();
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "结果如何计算" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "五、排名与平局处理" })).toBeVisible();
});

test("the ballot API: 200 with the stored ballot, 400 for a body that is not JSON, 422 per field, 401, 403", async ({ baseURL }) => {
  const slug = await openTerm(["壬癸", "子丑"]);
  const closed = await openTerm(["寅卯"], "provisional");
  const ids = (await e2eDb().rendering.findMany({ where: { term: { slug } }, orderBy: { createdAt: "asc" } })).map((r) => r.id);
  const user = await createUser({ delegation: "China", name: "Zhao Api" });
  const api = await playwrightRequest.newContext({
    baseURL,
    extraHTTPHeaders: { Authorization: `Bearer ${await apiToken(user.id)}` },
  });
  const url = `/api/terms/${slug}/ballot`;

  const empty = await api.get(url);
  expect(empty.status()).toBe(200);
  expect(await empty.json()).toEqual({ term: slug, voter: expect.stringMatching(/^v-[0-9a-f]{16}$/), grades: {}, reasons: {}, note: "", revision: 0, updatedAt: null });

  const notJson = await api.put(url, { headers: { "Content-Type": "application/json" }, data: "{grades:" });
  expect(notJson.status()).toBe(400);
  expect((await notJson.json()).error.code).toBe("bad_request");

  const invalid = await api.put(url, { data: { grades: { [ids[0]!]: "great", [ids[1]!]: "reject", "no-such-id": "good" } } });
  expect(invalid.status()).toBe(422);
  const { error } = await invalid.json();
  expect(error.code).toBe("invalid");
  expect(Object.keys(error.fields).sort()).toEqual([`grades.${ids[0]}`, "grades.no-such-id", `reasons.${ids[1]}`]);

  const saved = await api.put(url, { data: { grades: { [ids[0]!]: "very_good", [ids[1]!]: "reject" }, reasons: { [ids[1]!]: "Too abstract." }, note: "via API" } });
  expect(saved.status()).toBe(200);
  const ballot = await saved.json();
  expect(ballot).toMatchObject({ term: slug, grades: { [ids[0]!]: "very_good", [ids[1]!]: "reject" }, reasons: { [ids[1]!]: "Too abstract." }, note: "via API", revision: 1 });
  expect(await (await api.get(url)).json()).toEqual(ballot);

  const results = resultsSchema.parse(await (await api.get(`/api/terms/${slug}/results`)).json());
  expect(results.voters).toBe(1);
  expect(results.consensus).toBe(ids[0]);
  const exported = await (await api.get(`/api/terms/${slug}/ballots`)).json();
  expect(exported.ballots).toEqual([{ voter: expect.stringMatching(/^v-[0-9a-f]{16}$/), delegation: "China", grades: ballot.grades, reasons: ballot.reasons }]);
  expect(JSON.stringify(exported)).not.toContain("Zhao");

  const stage = await api.put(`/api/terms/${closed}/ballot`, { data: { grades: {} } });
  expect(stage.status()).toBe(403);
  expect((await stage.json()).error.code).toBe("stage_closed");

  const anonymous = await playwrightRequest.newContext({ baseURL });
  const nobody = await anonymous.put(url, { data: { grades: {} } });
  expect(nobody.status()).toBe(401);
  expect((await anonymous.get(url)).status()).toBe(401);
  await Promise.all([api.dispose(), anonymous.dispose()]);
});
