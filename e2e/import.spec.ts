import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { test, expect, e2eDb } from "./support/auth";

/** A small third-party TBX-Basic file (v3, DCA) with one new concept and a rendering for a seeded term. */
function glossary(headword: string) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader><fileDesc><sourceDesc><p>from a terminology tool</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="x1">
      <langSec xml:lang="en"><termSec><term>${headword}</term></termSec></langSec>
      <langSec xml:lang="zh-Hans"><termSec><term>导入测试</term></termSec></langSec>
    </conceptEntry>
  </body></text>
</tbx>
`;
}

test("a facilitator previews a glossary, then imports it, by keyboard alone", async ({ page, loginAs }) => {
  const headword = `imported concept ${randomBytes(3).toString("hex")}`;
  await loginAs({ role: "facilitator", delegation: null });
  await page.goto("/facilitate/import");
  await expect(page.getByRole("heading", { level: 1, name: "Import a glossary" })).toBeVisible();

  // The file itself comes from the system's file chooser, which a test cannot drive; the rest is keys.
  await page.getByLabel("File (TBX or CSV, at most 5 MiB)").setInputFiles({ name: "glossary.tbx", mimeType: "application/xml", buffer: Buffer.from(glossary(headword)) });
  await page.getByLabel("File (TBX or CSV, at most 5 MiB)").focus();
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Source language of new terms (optional)")).toBeFocused();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Preview" })).toBeFocused();
  await page.keyboard.press("Enter");

  const preview = page.getByRole("region", { name: "Preview: nothing has been written yet" });
  await expect(preview).toBeVisible();
  await expect(preview.getByRole("heading")).toBeFocused();
  await expect(preview).toContainText("1 new terms, 0 terms gaining renderings, 0 unchanged; 1 renderings in all.");
  await expect(preview).toContainText(`${headword} (line 5) — new term: 导入测试`);
  expect(await e2eDb().term.count({ where: { headword } }), "a preview writes nothing").toBe(0);

  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);

  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Import" })).toBeFocused();
  await page.keyboard.press("Enter");
  const result = page.getByRole("region", { name: "Imported" });
  await expect(result.getByRole("heading")).toBeFocused();
  await expect(result).toContainText("1 new terms");

  const term = await e2eDb().term.findFirstOrThrow({ where: { headword }, include: { renderings: true } });
  expect(term.stage).toBe("draft");
  expect(term.renderings.map((r) => r.text)).toEqual(["导入测试"]);

  // A file that is not TBX is refused with its line, and nothing is written.
  await page.getByLabel("File (TBX or CSV, at most 5 MiB)").setInputFiles({ name: "broken.tbx", mimeType: "application/xml", buffer: Buffer.from('<?xml version="1.0"?>\n<tbx type="TBX-Basic">\n<text></tbx>') });
  await page.getByRole("button", { name: "Preview" }).focus();
  await page.keyboard.press("Enter");
  const refusal = page.getByRole("alert").filter({ hasText: "The file was not imported" });
  await expect(refusal).toContainText("line 3:");
});
