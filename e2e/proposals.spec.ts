import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { test, expect, createUser, e2eDb, signInBrowser } from "./support/auth";
import { derivePinyin, normalizedKey, traditionalForm } from "../lib/rendering/text";

/** A term of the test's own, in consultation, with the seminar's 多元共进 as its only candidate. */
async function termWith(texts: string[]) {
  const slug = `e2e-prop-${randomBytes(4).toString("hex")}`;
  const term = await e2eDb().term.create({
    data: {
      slug,
      headword: `proposal test ${slug}`,
      stage: "consultation",
      renderings: {
        create: texts.map((text, i) => ({
          text,
          normalizedKey: normalizedKey(text),
          traditional: traditionalForm(text),
          pinyin: derivePinyin(text),
          gloss: "a seeded candidate",
          proposerLabel: "seed",
          createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
        })),
      },
    },
    include: { renderings: true },
  });
  return { slug, renderings: term.renderings };
}

function proposalForm(page: Page) {
  return page.getByRole("region", { name: "Propose a rendering" });
}

/** Opens the folded proposal form (its code loads then); open already on the plain page. */
async function openProposalForm(page: Page) {
  const fold = proposalForm(page).locator("details").first();
  await fold.waitFor();
  if ((await fold.getAttribute("open")) === null) await fold.locator("summary").click();
  await expect(proposalForm(page).getByLabel("Rendering (Hanzi)")).toBeVisible();
}

async function propose(page: Page, text: string, gloss: string, rationale: string) {
  await openProposalForm(page);
  const form = proposalForm(page);
  await form.getByLabel("Rendering (Hanzi)").fill(text);
  await form.getByLabel("Literal gloss (English)").fill(gloss);
  await form.getByLabel("Rationale").fill(rationale);
  await form.getByRole("button", { name: "Propose" }).click();
}

test("propose → a duplicate is refused with a link to grade it instead → a new one is added → another scholar sees it", async ({ page, browser, baseURL, loginAs }) => {
  const { slug, renderings } = await termWith(["多元共进"]);
  const existing = renderings[0]!;
  await loginAs({ delegation: "Canada" });
  await page.goto(`/terms/${slug}`);

  // Traditional characters and a space: the same rendering.
  await propose(page, "多元 共進", "many elements advancing together", "Same as the seminar's.");
  const refusal = page.getByRole("alert").filter({ hasText: "has already been proposed" });
  await expect(refusal).toBeVisible();
  const gradeInstead = refusal.getByRole("link", { name: /Grade this one instead/ });
  await expect(gradeInstead).toHaveAttribute("href", `#r-${existing.id}`);
  await expect(proposalForm(page).getByLabel("Literal gloss (English)")).toHaveValue("many elements advancing together", { timeout: 1000 });
  await gradeInstead.click();
  await expect(page).toHaveURL(new RegExp(`#r-${existing.id}$`));

  // While typing, the pinyin it will be stored with: derived from the Hanzi, or what is typed with its tones marked.
  const preview = proposalForm(page).getByTestId("pinyin-preview");
  await proposalForm(page).getByLabel("Rendering (Hanzi)").fill("多元共治");
  await expect(preview).toHaveText("It will be saved with the pinyin duō yuán gòng zhì");
  await proposalForm(page).getByLabel("Pinyin (optional)").fill("duo1 yuan2 gong4 zhi4");
  await expect(preview).toHaveText("It will be saved with the pinyin duō yuán gòng zhì");
  await proposalForm(page).getByLabel("Pinyin (optional)").fill("lv4");
  await expect(preview).toHaveText("It will be saved with the pinyin lǜ");
  await proposalForm(page).getByLabel("Pinyin (optional)").fill("");
  await propose(page, "多元共治", "many elements governing together", "Stresses shared leadership.");
  const added = page.getByRole("status").filter({ hasText: "was added" });
  await expect(added).toContainText("duō yuán gòng zhì");
  const card = page.locator("section.rendering", { has: page.getByRole("heading", { level: 3, name: "多元共治" }) });
  await expect(card.locator(".pinyin")).toHaveText("duō yuán gòng zhì");
  await expect(proposalForm(page).getByLabel("Rendering (Hanzi)")).toHaveValue("");

  // Another scholar, of the other delegation, in a browser of their own.
  const other = await createUser({ delegation: "China" });
  const context = await browser.newContext();
  const page2 = await context.newPage();
  await signInBrowser(page2, other, baseURL!);
  await page2.goto(`/terms/${slug}`);
  const seen = page2.locator("section.rendering", { has: page2.getByRole("heading", { level: 3, name: "多元共治" }) });
  await expect(seen).toBeVisible();
  await expect(seen).toContainText("many elements governing together");
  await context.close();
});

test("the form checks the input before sending and keeps it: Han characters, 2–32, separators only", async ({ page, loginAs }) => {
  const { slug } = await termWith(["多元共存"]);
  await loginAs();
  await page.goto(`/terms/${slug}`);
  await propose(page, "security", "a gloss", "a rationale");
  await expect(page.getByText("The rendering must contain Chinese (Han) characters.")).toBeVisible();
  await expect(proposalForm(page).getByLabel("Rendering (Hanzi)")).toHaveValue("security");
  await expect(proposalForm(page).getByLabel("Rendering (Hanzi)")).toHaveAttribute("aria-invalid", "true");
  await propose(page, "多元-共生", "a gloss", "a rationale");
  await expect(page.getByText("Use only Chinese characters, the separators • · ・ and spaces.")).toBeVisible();
  await expect(proposalForm(page).getByLabel("Rationale")).toHaveValue("a rationale");
});

test("comments: hostile input is shown as text, links are safe, replies nest one level", async ({ page, loginAs }) => {
  const { slug } = await termWith(["多元共生"]);
  await loginAs({ delegation: "China" });
  const errors: string[] = [];
  page.on("dialog", (d) => {
    errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(`/terms/${slug}`);
  const discussion = page.getByRole("region", { name: "Arguments" });
  await discussion.getByText("Add an argument").click();
  await discussion.getByRole("radio", { name: "Against" }).check();
  const hostile = `<img src=x onerror="alert(1)"><script>alert(2)</script>\nsee https://example.org/a"onmouseover="alert(3) and javascript:alert(4)`;
  await discussion.getByLabel("Comment").fill(hostile);
  await discussion.getByRole("button", { name: "Post comment" }).click();
  const comment = discussion.locator("article").first();
  await expect(comment).toContainText('<img src=x onerror="alert(1)"><script>alert(2)</script>');
  await expect(comment.locator("img, script")).toHaveCount(0);
  const link = comment.getByRole("link", { name: "https://example.org/a" });
  await expect(link).toHaveAttribute("href", "https://example.org/a");
  await expect(link).toHaveAttribute("rel", "noopener noreferrer nofollow ugc");
  await expect(comment.getByRole("link", { name: /javascript/ })).toHaveCount(0);

  // A reply, and a reply to the reply: both hang under the first comment (one level deep).
  await comment.getByText("Reply to this").click();
  await comment.getByRole("radio", { name: "Question" }).check();
  await comment.getByLabel("Reply").fill("Which source says so?");
  await comment.getByRole("button", { name: "Reply" }).click();
  await expect(comment.locator("ul article")).toHaveCount(1);
  await expect(comment.locator("ul article").first()).toContainText("Which source says so?");
  expect(errors).toEqual([]);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the proposal form is a plain form post: a duplicate is refused with its link and the input kept; a new one is added", async ({ page, loginAs }) => {
    const { slug, renderings } = await termWith(["多元共存"]);
    await loginAs({ delegation: "China" });
    await page.goto(`/terms/${slug}`);
    await page.getByRole("link", { name: "Open the plain page" }).click();
    await propose(page, "多元•共存", "coexisting", "kept as typed");
    const refusal = page.getByRole("alert").filter({ hasText: "has already been proposed" });
    await expect(refusal.getByRole("link", { name: /Grade this one instead/ })).toHaveAttribute("href", `#r-${renderings[0]!.id}`);
    await expect(proposalForm(page).getByLabel("Rationale")).toHaveValue("kept as typed");
    await propose(page, "共同安全", "common security", "A plain alternative.");
    await expect(page.getByRole("status").filter({ hasText: "was added" })).toContainText("gòng tóng ān quán");
    await expect(page.getByRole("heading", { level: 3, name: "共同安全" })).toBeVisible();
  });
});
