import { createHash } from "node:crypto";
import { test, expect, createUser, e2eDb, signInBrowser } from "./support/auth";
import { castBallots, createTerm } from "./support/terms";

/**
 * Issue 15: the decide page shows what the facilitator decides on and asks for confirmation
 * (keyboard only here); the recorded decision is sealed (digest, frozen ballots, PDF); each
 * voter sees their own pseudonym in the export.
 */
async function term(stage: "consultation" | "provisional") {
  const created = await createTerm({ prefix: "e2e-rev", headword: "review test", texts: ["多元共商", "多元共生", "多元共存"] });
  const [a, b, c] = created.renderings;
  const china = await createUser({ delegation: "China" });
  const canada = await createUser({ delegation: "Canada" });
  const ballots = [
    { user: china, grades: { [a!.id]: "excellent", [b!.id]: "good", [c!.id]: "reject" }, reasons: { [c!.id]: "静态，缺乏协商之义。" } },
    { user: canada, grades: { [a!.id]: "very_good", [b!.id]: "acceptable", [c!.id]: "poor" }, reasons: {} },
  ];
  await castBallots(created.slug, ballots);
  // Closing the consultation is not what these tests are about: the stage is set in place.
  if (stage !== "consultation") await e2eDb().term.update({ where: { id: created.id }, data: { stage } });
  return { slug: created.slug, id: created.id, china, ballots };
}

test("decide page: medians per delegation and blocks with reasons; errors in the page; review, change, confirm — by keyboard; the decision is sealed", async ({ page, loginAs }) => {
  test.setTimeout(90_000); // a long journey, with a PDF generated on the server
  const { slug, id } = await term("provisional");
  await loginAs({ role: "facilitator", delegation: null });
  await page.goto(`/terms/${slug}/decide`);

  // What the facilitator decides on.
  const medians = page.getByRole("region", { name: "Medians per delegation" });
  await expect(medians.getByRole("columnheader", { name: "China" })).toBeVisible();
  await expect(medians.getByRole("columnheader", { name: "Canada" })).toBeVisible();
  const blocked = medians.getByRole("row").filter({ hasText: "多元共存" });
  await expect(blocked).toContainText("blocked by China (median Reject)");
  await expect(blocked).toContainText("“静态，缺乏协商之义。”");
  await expect(blocked).toContainText("blocked by Canada (median Poor)");
  // No browser validation bubbles: the page says what is wrong.
  await expect(page.locator("form [required], form [minlength], form [maxlength]")).toHaveCount(0);

  // Keyboard only. The consensus is pre-selected; its own admitted/deprecated boxes are off.
  const adoptedA = page.getByRole("radio", { name: /多元共商/ });
  await expect(adoptedA).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Admitted alternatives (又称): 多元共商" })).toBeDisabled();
  await expect(page.getByRole("checkbox", { name: "Deprecated: 多元共商" })).toBeDisabled();
  await adoptedA.focus();
  await page.keyboard.press("Tab"); // the adopted row's synonym class (its boxes are skipped)
  await expect(page.getByRole("combobox", { name: "Synonym class: 多元共商" })).toBeFocused();
  await page.keyboard.press("Tab"); // admitted 多元共生
  await expect(page.getByRole("checkbox", { name: "Admitted alternatives (又称): 多元共生" })).toBeFocused();
  await page.keyboard.press("Space");
  // Moving the adopted choice onto 多元共生 unticks and disables its admitted box.
  await adoptedA.focus();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("radio", { name: /多元共生/ })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Admitted alternatives (又称): 多元共生" })).toBeDisabled();
  await expect(page.getByRole("checkbox", { name: "Admitted alternatives (又称): 多元共生" })).not.toBeChecked();
  await page.keyboard.press("ArrowUp");
  await expect(adoptedA).toBeChecked();
  // It stays off the admitted list when the choice moves back.
  await expect(page.getByRole("checkbox", { name: "Admitted alternatives (又称): 多元共生" })).not.toBeChecked();
  await page.keyboard.press("Tab"); // synonym class of 多元共商
  await page.keyboard.press("Tab");
  await page.keyboard.press("Space"); // admitted 多元共生 again
  await page.keyboard.press("Tab"); // deprecated 多元共生
  await page.keyboard.press("Tab"); // synonym class of 多元共生
  await page.keyboard.press("Tab"); // admitted 多元共存
  await page.keyboard.press("Tab"); // deprecated 多元共存
  await expect(page.getByRole("checkbox", { name: "Deprecated: 多元共存" })).toBeFocused();
  await page.keyboard.press("Space");

  // Reviewing without statements: errors in the page, in the reader's language.
  await page.getByRole("button", { name: "Review the decision" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Write the statement in English.")).toBeVisible();
  await expect(page.getByText("Write the statement in Chinese.")).toBeVisible();
  await expect(page.getByLabel("Statement (English)")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("checkbox", { name: "Deprecated: 多元共存" })).toBeChecked();

  await page.getByLabel("Statement (English)").focus();
  await page.keyboard.type("Both delegations find 多元共商 acceptable.");
  await page.keyboard.press("Tab");
  await page.keyboard.type("双方代表团均认为“多元共商”可以接受。");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Review the decision" })).toBeFocused();
  await page.keyboard.press("Enter");

  // The summary, focused; nothing recorded yet.
  const review = page.getByTestId("decision-review");
  await expect(page.getByRole("heading", { name: "Check before recording" })).toBeFocused();
  await expect(review).toContainText("多元共商");
  await expect(review).toContainText("多元共生");
  await expect(review).toContainText("多元共存");
  await expect(review).toContainText("Both delegations find 多元共商 acceptable.");
  await expect(review).toContainText("双方代表团均认为“多元共商”可以接受。");
  expect(await e2eDb().decision.count({ where: { termId: id } })).toBe(0);

  // Change, then review again: the choices are kept.
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Change the decision" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Statement (English)")).toHaveValue("Both delegations find 多元共商 acceptable.");
  await expect(page.getByRole("checkbox", { name: "Admitted alternatives (又称): 多元共生" })).toBeChecked();
  await page.getByRole("button", { name: "Review the decision" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Check before recording" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Record and publish" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/terms/${slug}#decision$`));

  // Sealed: the record page shows the digest of the frozen ballots, which anyone can check.
  const decision = await e2eDb().decision.findFirstOrThrow({ where: { termId: id } });
  const listed = await (await page.request.get(`/api/terms/${slug}/decisions`)).json();
  expect(listed.decisions[0].ballotsDigest).toMatch(/^[0-9a-f]{64}$/);
  const frozen = await page.request.get(`/api/terms/${slug}/decisions/${decision.id}/ballots`);
  expect(frozen.status()).toBe(200);
  const body = await frozen.body();
  expect(createHash("sha256").update(body).digest("hex")).toBe(listed.decisions[0].ballotsDigest);
  expect(JSON.parse(body.toString("utf8")).ballots).toHaveLength(2);
  await page.goto(`/terms/${slug}/decisions/${decision.id}`);
  await expect(page.getByTestId("ballots-digest")).toHaveText(listed.decisions[0].ballotsDigest);
  await expect(page.getByTestId("seal")).toContainText("npm run tally -- --digest ballots.json");
  await expect(page.getByRole("region", { name: "The results this decision rests on" })).toContainText("blocked by China (median Reject)");

  const pdf = await page.request.get(`/terms/${slug}/decisions/${decision.id}/record.pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");

  // Printed, the record has no site chrome.
  await page.emulateMedia({ media: "print" });
  await expect(page.locator("header.site")).toBeHidden();
  await expect(page.locator("footer.site")).toBeHidden();
  await expect(page.getByTestId("ballots-digest")).toBeVisible();
});

test("a voter's ballot section names their pseudonym, and the export holds their ballot under it as cast", async ({ browser, baseURL }) => {
  const { slug, china, ballots } = await term("consultation");
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInBrowser(page, china, baseURL!);
  await page.goto(`/terms/${slug}`);
  const line = page.getByTestId("ballot-pseudonym");
  await expect(line).toContainText("Your ballot appears in the export as v-");
  const voter = (await line.locator("code").textContent())!;
  expect(voter).toMatch(/^v-[0-9a-f]{16}$/);
  const exported = await (await page.request.get(`/api/terms/${slug}/ballots`)).json();
  const mine = exported.ballots.filter((b: { voter: string }) => b.voter === voter);
  expect(mine).toHaveLength(1);
  expect(mine[0].grades).toEqual(ballots[0]!.grades);
  expect(mine[0].delegation).toBe("China");
  expect((await (await page.request.get(`/api/terms/${slug}/ballot`)).json()).voter).toBe(voter);
  // In Chinese too.
  await context.addCookies([{ name: "locale", value: "zh", url: baseURL! }]);
  await page.reload();
  await expect(page.getByTestId("ballot-pseudonym")).toContainText(`你的选票在导出数据中的代号是 ${voter}`);
  await context.close();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the review step is a plain form post: errors in the page, a summary, then the decision is recorded", async ({ page, loginAs }) => {
    const { slug, id } = await term("provisional");
    await loginAs({ role: "facilitator", delegation: null, locale: "zh" });
    await page.goto(`/terms/${slug}/decide`);
    // Without JavaScript the adopted row's boxes stay enabled: the shared schema refuses it, in Chinese.
    await page.getByRole("checkbox", { name: "又称: 多元共商" }).check();
    await page.getByRole("button", { name: "核对决定" }).click();
    await expect(page.getByText("正名不能同时列为又称或不推荐使用。")).toBeVisible();
    await expect(page.getByText("请填写英文说明。")).toBeVisible();
    await page.getByRole("checkbox", { name: "又称: 多元共商" }).uncheck();
    await page.getByLabel("说明（英文）").fill("Adopted without scripts.");
    await page.getByLabel("说明（中文）").fill("无脚本时采用。");
    await page.getByRole("button", { name: "核对决定" }).click();
    await expect(page.getByRole("heading", { name: "记录前请核对" })).toBeVisible();
    await expect(page.getByTestId("decision-review")).toContainText("无脚本时采用。");
    expect(await e2eDb().decision.count({ where: { termId: id } })).toBe(0);
    await page.getByRole("button", { name: "记录并公布" }).click();
    await expect(page).toHaveURL(new RegExp(`/terms/${slug}#decision$`));
    expect(await e2eDb().decision.count({ where: { termId: id } })).toBe(1);
  });
});
