import { test, expect, createUser, signInBrowser } from "./support/auth";
import { castBallots, createTerm } from "./support/terms";

/** A term in consultation with three renderings and ballots of both delegations on them. */
async function votedTerm() {
  const term = await createTerm({ prefix: "e2e-dec", headword: "decision test", texts: ["多元共商", "多元共生", "多元共存"] });
  const [a, b, c] = term.renderings;
  const voters = [
    { user: await createUser({ delegation: "China" }), grades: { [a!.id]: "excellent", [b!.id]: "good", [c!.id]: "poor" } },
    { user: await createUser({ delegation: "Canada" }), grades: { [a!.id]: "very_good", [b!.id]: "acceptable", [c!.id]: "poor" } },
  ];
  await castBallots(term.slug, voters);
  return { slug: term.slug, renderings: term.renderings, scholar: voters[0]!.user };
}

test("facilitator closes the consultation → grading is refused → the decision is recorded → the published term shows it first", async ({ page, browser, baseURL, loginAs }) => {
  const { slug, scholar } = await votedTerm();
  await loginAs({ role: "facilitator", delegation: null });
  await page.goto(`/terms/${slug}`);

  const panel = page.getByRole("region", { name: "Facilitator tools" });
  await panel.getByLabel("Move to").selectOption("provisional");
  await panel.getByRole("button", { name: "Apply" }).click();
  await expect(panel.getByRole("status")).toContainText("The term is now in stage “Provisional”.");

  // Grading is refused now, through the API with the scholar's own session.
  const context = await browser.newContext();
  const scholarPage = await context.newPage();
  await signInBrowser(scholarPage, scholar, baseURL!);
  const refused = await scholarPage.request.put(`/api/terms/${slug}/ballot`, {
    data: { grades: {} },
    headers: { Origin: baseURL! },
  });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.code).toBe("stage_closed");
  await scholarPage.goto(`/terms/${slug}`);
  await expect(scholarPage.getByText("Grading is closed for this term.")).toBeVisible();

  await panel.getByRole("link", { name: "Record the decision" }).click();
  await expect(page).toHaveURL(new RegExp(`/terms/${slug}/decide$`));
  // The consensus is pre-selected as the adopted rendering.
  await expect(page.getByRole("radio", { name: /多元共商/ })).toBeChecked();
  await page.getByRole("checkbox", { name: "Admitted alternatives (又称): 多元共生" }).check();
  await page.getByRole("checkbox", { name: "Deprecated: 多元共存" }).check();
  await page.getByLabel("Statement (English)").fill("Both delegations find 多元共商 acceptable.");
  await page.getByLabel("Statement (Chinese)").fill("双方代表团均认为“多元共商”可以接受。");
  // A review step summarises the decision before anything is recorded (issue 15).
  await page.getByRole("button", { name: "Review the decision" }).click();
  await expect(page.getByRole("heading", { name: "Check before recording" })).toBeVisible();
  await page.getByRole("button", { name: "Record and publish" }).click();
  await expect(page).toHaveURL(new RegExp(`/terms/${slug}#decision$`));

  // A visitor who is not signed in sees the decision before the candidates.
  await scholarPage.context().clearCookies();
  await scholarPage.goto(`/terms/${slug}`);
  const decision = scholarPage.getByRole("region", { name: "Decision", exact: true });
  await expect(decision).toContainText("多元共商");
  await expect(decision).toContainText("多元共生");
  await expect(decision).toContainText("Both delegations find 多元共商 acceptable.");
  const order = await scholarPage.evaluate(() => {
    const d = document.getElementById("decision");
    const h = [...document.querySelectorAll("h2")].find((x) => x.textContent === "Candidate renderings");
    return d && h ? d.compareDocumentPosition(h) & Node.DOCUMENT_POSITION_FOLLOWING : 0;
  });
  expect(order, "the decision comes before the candidates").toBeTruthy();
  await expect(scholarPage.locator(".stage")).toHaveText("Published");

  await decision.getByRole("link", { name: "The results this decision rests on" }).click();
  await expect(scholarPage.getByRole("heading", { level: 1 })).toContainText("Decision on");
  await expect(scholarPage.getByRole("row").nth(1)).toContainText("多元共商");
  await context.close();
});
