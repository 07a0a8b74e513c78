import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { test, expect, createUser, e2eDb } from "./support/auth";
import { derivePinyin, normalizedKey, traditionalForm } from "../lib/rendering/text";

/**
 * Issue 14: a facilitator records a decision with its 正名 and a regional variant (择优选用,
 * 求同存异) and a synonym class, through the decide form; the term page shows them, and the
 * term's definition in both languages, the reader's language first; axe-clean.
 */

async function provisionalTerm() {
  const db = e2eDb();
  const slug = `e2e-rec-${randomBytes(4).toString("hex")}`;
  const renderings: { text: string; region?: string }[] = [{ text: "多元共商" }, { text: "多元共生" }, { text: "多元協商", region: "TW" }];
  const term = await db.term.create({
    data: {
      slug,
      headword: `records test ${slug}`,
      stage: "consultation",
      definition: "A relationship of mutual accommodation among unequal groups.",
      definitionTarget: "不对等的群体之间相互包容的关系。",
      renderings: {
        create: renderings.map((r, i) => ({
          text: r.text,
          region: r.region ?? "",
          normalizedKey: normalizedKey(r.text),
          traditional: traditionalForm(r.text),
          pinyin: derivePinyin(r.text),
          gloss: "g",
          createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
        })),
      },
    },
    include: { renderings: { orderBy: { createdAt: "asc" } } },
  });
  const [a, b, c] = term.renderings;
  for (const [delegation, grades] of [
    ["China", { [a!.id]: "excellent", [b!.id]: "good", [c!.id]: "good" }],
    ["Canada", { [a!.id]: "very_good", [b!.id]: "acceptable", [c!.id]: "good" }],
  ] as const) {
    const u = await db.user.findUniqueOrThrow({ where: { id: (await createUser({ delegation })).id } });
    await db.ballot.create({ data: { termId: term.id, userId: u.id, delegationId: u.delegationId!, grades, reasons: {} } });
  }
  // Ballots written behind the service's back: the maintained tally is rebuilt on the next read.
  await db.term.update({ where: { id: term.id }, data: { stage: "provisional", tallyVersion: { increment: 1 }, tallyCellsOf: -1 } });
  return slug;
}

async function expectAxeClean(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`)).toEqual([]);
}

test("a decision with a 正名, a regional variant and a 简称 is recorded through the form and shown in both languages", async ({ page, browser, loginAs }) => {
  test.setTimeout(120_000);
  const slug = await provisionalTerm();
  await loginAs({ role: "facilitator", delegation: null });
  await page.goto(`/terms/${slug}/decide`);
  await expectAxeClean(page);
  await expect(page.getByRole("radio", { name: /多元共商/ })).toBeChecked();
  await page.getByRole("checkbox", { name: "Adopted for a region (Taiwan (台湾)): 多元協商" }).check();
  await page.getByRole("checkbox", { name: "Admitted alternatives (又称): 多元共生" }).check();
  await page.getByRole("combobox", { name: "Synonym class: 多元共生" }).selectOption("short");
  await page.getByLabel("Statement (English)").fill("多元共商 is the standard term; Taiwan keeps 多元協商.");
  await page.getByLabel("Statement (Chinese)").fill("择优选用，求同存异。");
  await page.getByRole("button", { name: "Review the decision" }).click();
  const review = page.getByTestId("decision-review");
  await expect(review).toContainText("Regional variants");
  await expect(review).toContainText("多元協商");
  await expect(review).toContainText("简称 short form");
  await page.getByRole("button", { name: "Record and publish" }).click();
  await expect(page).toHaveURL(new RegExp(`/terms/${slug}#decision$`));

  // Readers, in English and in Chinese.
  for (const [locale, expected] of [
    ["en-GB", ["正名 standard term", "adopted for Taiwan (台湾)", "简称 short form", "In the target language (zh-Hans)"]],
    ["zh-CN", ["正名", "台湾选定", "简称", "目标语言（zh-Hans）"]],
  ] as const) {
    const context = await browser.newContext({ locale });
    const reader = await context.newPage();
    await reader.goto(`/terms/${slug}`);
    const decision = reader.locator("#decision");
    await expect(decision).toContainText("多元共商");
    await expect(decision).toContainText("多元協商");
    for (const text of expected.slice(0, 3)) await expect(decision).toContainText(text);
    await expect(reader.getByTestId("term-definition-target")).toContainText(expected[3]);
    await expect(reader.getByTestId("term-definition-target")).toContainText("不对等的群体之间相互包容的关系。");
    // The reader's language first: the Chinese definition leads for a Chinese reader.
    const definitions = await reader.locator('[data-testid^="term-definition-"]').evaluateAll((els) => els.map((e) => e.getAttribute("data-testid")));
    expect(definitions).toEqual(locale === "zh-CN" ? ["term-definition-target", "term-definition-source"] : ["term-definition-source", "term-definition-target"]);
    await expectAxeClean(reader);
    // The lexicon lists the term with its 正名 and its regional variant.
    await reader.goto("/");
    const entry = reader.getByRole("listitem").filter({ has: reader.getByRole("link", { name: `records test ${slug}` }) });
    await expect(entry.getByTestId("lexicon-decided")).toContainText(locale === "zh-CN" ? "正名" : "正名 standard term");
    await expect(entry.getByTestId("lexicon-decided")).toContainText("多元協商");
    await context.close();
  }
});
