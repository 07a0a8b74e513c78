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
async function openTerm(texts: string[], stage: "consultation" | "provisional" | "published" = "consultation", deadline?: Date) {
  const slug = `e2e-${randomBytes(4).toString("hex")}`;
  await e2eDb().term.create({
    data: {
      slug,
      headword: `test term ${slug}`,
      stage,
      deadline,
      renderings: { create: texts.map((text, i) => ({ text, normalizedKey: text, createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)) })) },
    },
  });
  return slug;
}

test("two scholars of different delegations grade the CSO renderings and both see the consensus change", async ({ page, browser, baseURL, loginAs }) => {
  // Two browsers, two saves and axe over the results and the ballot: slow on a loaded machine.
  test.setTimeout(60_000);
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
  // Arrow keys move through a rendering's grades (reject … excellent, then "no opinion"); Tab moves on.
  await grade(page, "甲乙", "Excellent").focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowLeft");
  await expect(grade(page, "甲乙", "Reject")).toBeChecked();
  await page.keyboard.press("Tab"); // the reason, shown at the card now that "reject" is chosen
  await expect(reason(page, "甲乙")).toBeFocused();
  await page.getByRole("group", { name: "丙丁" }).getByRole("radio", { checked: true }).focus(); // its "No opinion"
  await page.keyboard.press("ArrowLeft"); // back to "Excellent"
  await page.keyboard.press("ArrowLeft");
  await expect(grade(page, "丙丁", "Very good")).toBeChecked();
  await page.getByLabel("Note (optional)").focus();
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
  await expect(page.getByRole("status").filter({ hasText: "Saved (revision 1). The results above include it." })).toBeVisible();
  await expect(notSaved(page)).toHaveCount(0);
});

test.describe("at 360 px", () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test("grading on the cards with the keyboard: one row per rendering, a summary that stays in view, saved and there after a reload", async ({ page, loginAs }) => {
    const slug = await openTerm(["甲子", "乙丑", "丙寅"], "consultation", new Date(Date.now() + (3 * 24 + 2) * 3600_000 + 30 * 60_000));
    await loginAs({ delegation: "Canada" });
    await page.goto(`/terms/${slug}`);
    // The deadline, spelled out, and how long is left.
    await expect(page.getByTestId("deadline")).toContainText(/Consultation closes \d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d UTC/);
    await expect(page.getByTestId("deadline")).toContainText("3 days 2 hours left");
    // The guide, folded until asked for.
    const guide = page.getByText("What the grades mean");
    await expect(page.getByText("You can live with it: the lowest grade that does not block.")).toBeHidden();
    await guide.click();
    await expect(page.getByText("You can live with it: the lowest grade that does not block.")).toBeVisible();

    // Each card carries its rendering's grades: six in one ordered row, reject to excellent, thumb-sized.
    const card = page.getByRole("region", { name: "甲子", exact: true });
    const row = card.getByRole("group", { name: "甲子" });
    const boxes = [];
    for (const label of ["Reject", "Poor", "Acceptable", "Good", "Very good", "Excellent"] as const) {
      boxes.push((await row.getByRole("radio", { name: LABELS[label], exact: true }).locator("xpath=..").boundingBox())!);
    }
    for (const [i, box] of boxes.entries()) {
      expect(box.height, "thumb-sized").toBeGreaterThanOrEqual(44);
      expect(box.width, "thumb-sized").toBeGreaterThanOrEqual(40);
      if (i > 0) {
        expect(box.y, "one row").toBeCloseTo(boxes[0]!.y, 0);
        expect(box.x, "in order").toBeGreaterThan(boxes[i - 1]!.x);
      }
    }

    const summary = page.getByRole("group", { name: "My ballot" });
    await expect(summary).toContainText("Graded 0 of 3");
    await grade(page, "甲子", "Reject").focus();
    await page.keyboard.press("Space");
    await expect(grade(page, "甲子", "Reject")).toBeChecked();
    await page.keyboard.press("Tab");
    await expect(reason(page, "甲子")).toBeFocused();
    await page.keyboard.type("Reads as a date, not a concept.");
    await grade(page, "乙丑", "Reject").focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press("ArrowRight");
    await expect(grade(page, "乙丑", "Very good")).toBeChecked();
    // Unsaved, and said so in the summary, which is in view while grading.
    await expect(summary).toContainText("Graded 2 of 3");
    await expect(summary).toContainText("You have unsaved changes.");
    await expect(summary).toBeInViewport();
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(360);

    await summary.getByRole("button", { name: "Save ballot" }).focus();
    await page.keyboard.press("Enter");
    await expect(summary.getByRole("status")).toHaveText("Saved (revision 1). The results above include it.");
    await expect(summary).not.toContainText("unsaved");

    await page.reload();
    await expect(grade(page, "甲子", "Reject")).toBeChecked();
    await expect(reason(page, "甲子")).toHaveValue("Reads as a date, not a concept.");
    await expect(grade(page, "乙丑", "Very good")).toBeChecked();
    await expect(page.getByRole("group", { name: "My ballot" })).toContainText("Graded 2 of 3");
    // The results' tables fit: the page itself never scrolls sideways, the tables do, key columns first.
    await expect(page.getByRole("table", { name: "Ranking" }).getByRole("columnheader").nth(2)).toHaveText("Median");
    await expect(page.getByRole("table", { name: "Ranking" }).getByRole("columnheader").nth(3)).toHaveText("Acceptable to all");
    await expect(page.getByText("Scroll sideways for more columns →").first()).toBeVisible();
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(360);
  });
});

test("a published term says nothing about live updates or proposing", async ({ page, loginAs }) => {
  const slug = await openTerm(["子午"], "published");
  await loginAs({ delegation: "China" });
  await page.goto(`/terms/${slug}`);
  await expect(page.getByText("Grading is closed for this term.")).toBeVisible();
  await expect(page.getByText(/^Live:/)).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Propose a rendering" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Your ballot" })).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the ballot is a plain form post: it saves, reports, and keeps the input on an error", async ({ page, loginAs }) => {
    const slug = await openTerm(["戊己", "庚辛"]);
    await loginAs({ delegation: "Canada" });
    await page.goto(`/terms/${slug}`);
    // The shared page cannot fill in a member's parts without JavaScript: it links the page
    // rendered for them, where every form is a plain post.
    await page.getByRole("link", { name: "Open the plain page" }).click();
    await expect(page).toHaveURL(new RegExp(`/terms/${slug}/plain$`));
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
  // Each field: a code to switch on and its English text.
  expect(error.fields[`reasons.${ids[1]}`]).toEqual({ code: "reason_required", message: "A reject needs a reason: say why you cannot live with this rendering." });
  expect(error.fields["grades.no-such-id"].code).toBe("unknown_rendering");

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

test("the results say in plain words, in both languages, who blocks what and how robust the consensus is; an ungraded rendering is not yet graded, not blocked", async ({ browser }) => {
  const db = e2eDb();
  const slug = `e2e-${randomBytes(4).toString("hex")}`;
  const term = await db.term.create({
    data: {
      slug,
      headword: `test term ${slug}`,
      stage: "consultation",
      renderings: {
        create: ["多元共商", "多元共存", "多元共进"].map((text, i) => ({ text, normalizedKey: text, createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)) })),
      },
    },
    include: { renderings: { orderBy: { createdAt: "asc" } } },
  });
  const [shang, cun, jin] = term.renderings.map((r) => r.id) as [string, string, string];
  // China rejects 多元共商 and has not graded the late 多元共进; Canada grades all three.
  // 多元共进 beats 多元共存 (Canada's ballot) and ranks first, but China has not graded it;
  // 多元共存 is acceptable to both: the consensus, 1 ballot from losing it.
  const voters = [
    { delegation: "China", grades: { [shang]: "reject", [cun]: "good" }, reasons: { [shang]: "共商 names a procedure, not an order." } },
    { delegation: "Canada", grades: { [shang]: "excellent", [cun]: "acceptable", [jin]: "excellent" }, reasons: {} },
  ];
  for (const v of voters) {
    const user = await db.user.findUniqueOrThrow({ where: { id: (await createUser({ delegation: v.delegation })).id } });
    await db.ballot.create({ data: { termId: term.id, userId: user.id, delegationId: user.delegationId!, grades: v.grades, reasons: v.reasons } });
  }
  // Ballots written behind the service's back: the maintained tally is stale until rebuilt.
  await db.term.update({ where: { id: term.id }, data: { tallyVersion: { increment: 1 }, tallyCellsOf: -1 } });

  const en = await browser.newContext({ locale: "en-CA" });
  const page = await en.newPage();
  await page.goto(`/terms/${slug}`);
  const explanation = page.locator("#results-explanation");
  await expect(explanation).toContainText("The consensus is 多元共存");
  await expect(explanation).toContainText("多元共进 is ranked higher but not yet graded by China");
  await expect(explanation).toContainText("1 ballot of the Canada delegation would have to change for 多元共存 to stop being acceptable to it");
  await expect(consensus(page)).toContainText("Not yet graded by China");
  await expect(consensus(page)).not.toContainText("China blocks");
  const table = page.getByRole("region", { name: "Ranking" });
  await expect(table.getByRole("row", { name: /多元共进/ })).toContainText("Not yet graded by China");
  await expect(table.getByRole("row", { name: /多元共商/ })).toContainText("Blocked by China");

  const results = resultsSchema.parse(await (await page.request.get(`/api/terms/${slug}/results`)).json());
  expect(results.consensus).toBe(cun);
  expect(results.renderings[jin]!.blockedBy).toEqual([]);
  expect(results.renderings[jin]!.notYetGradedBy).toEqual(["China"]);
  expect(results.renderings[shang]!.blockedBy).toEqual([{ delegation: "China", median: "reject", reasons: [{ text: "共商 names a procedure, not an order.", voters: 1 }] }]);
  expect(results.robustness).toEqual({ consensus: cun, blockMargin: { Canada: 1, China: 1 }, ballotsToChange: 1, exact: true });
  expect(results.explanation.en).toContain("The consensus is 多元共存");
  await en.close();

  const zh = await browser.newContext({ locale: "zh-CN" });
  const zhPage = await zh.newPage();
  await zhPage.goto(`/terms/${slug}`);
  const zhExplanation = zhPage.locator("#results-explanation");
  await expect(zhExplanation).toContainText("共识是“多元共存”");
  await expect(zhExplanation).toContainText(/“多元共进”排名更高，但(中国|China)尚未评分/);
  await expect(zhExplanation).toContainText(/(加拿大|Canada)代表团须有 1 张选票改变，“多元共存”才会不再为其所接受/);
  await zh.close();
});
