import { randomBytes } from "node:crypto";
import { test, expect, apiToken, createUser, e2eDb, signInBrowser } from "./support/auth";

/**
 * Everyone gets the cached copy of a term's page (next.config.js rewrites, app/(reader)); a
 * member's own parts are filled in on the client from one private read. Decisions 014 and 015.
 */

async function openTerm() {
  const slug = `cached-${randomBytes(4).toString("hex")}`;
  const term = await e2eDb().term.create({
    data: { slug, headword: `cached ${slug}`, stage: "consultation", renderings: { create: [{ text: "共同体", normalizedKey: "共同体" }] } },
    include: { renderings: true },
  });
  return { slug, term };
}

test("a reader gets the cached copy in their language; a member gets the same copy with their own parts filled in", async ({ playwright, baseURL, page }) => {
  const { slug } = await openTerm();
  const anonymous = await playwright.request.newContext({ baseURL });
  await anonymous.get(`/terms/${slug}`);
  const second = await anonymous.get(`/terms/${slug}`);
  expect(second.status()).toBe(200);
  expect(second.headers()["x-nextjs-cache"]).toBe("HIT");
  expect(await second.text()).toContain('<html lang="en"');
  const chinese = await anonymous.get(`/terms/${slug}`, { headers: { "Accept-Language": "zh-CN,zh;q=0.9" } });
  expect(await chinese.text()).toContain('<html lang="zh-Hans"');

  const member = await createUser({ delegation: "China" });
  await signInBrowser(page, member, baseURL!);
  const viewerRead = page.waitForResponse((r) => r.url().endsWith(`/api/terms/${slug}/viewer`));
  const mine = await page.goto(`/terms/${slug}`);
  expect(mine?.headers()["cache-control"]).toContain("s-maxage");
  expect(await mine?.text()).not.toContain(member.name);
  const viewer = await viewerRead;
  expect(viewer.headers()["cache-control"]).toContain("no-store");
  expect((await viewer.json()).actor.name).toBe(member.name);
  await expect(page.getByRole("button", { name: "Save ballot" })).toBeVisible();
  await expect(page.getByRole("link", { name: member.name })).toBeVisible();
  // Signed out, the private read names nobody.
  expect(await (await anonymous.get(`/api/terms/${slug}/viewer`)).json()).toMatchObject({ actor: null, ballot: null });
  await anonymous.dispose();
});

test("a proposal shows on the cached copy at once; a ballot within seconds", async ({ playwright, baseURL }) => {
  const { slug, term } = await openTerm();
  const scholar = await createUser({ delegation: "Canada" });
  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${await apiToken(scholar.id)}` } });
  const anonymous = await playwright.request.newContext({ baseURL });
  const page = async () => (await anonymous.get(`/terms/${slug}`)).text();
  expect(await page()).not.toContain("命运与共");
  await page(); // now cached

  // Any change but a ballot expires the cached copies of this instance: the next request
  // regenerates the copy (and may still get the old one while it does), well within the 3 s
  // the copy would otherwise be kept.
  const proposed = await api.post(`/api/terms/${slug}/renderings`, {
    data: { text: "命运与共", pinyin: "mìng yùn yǔ gòng", gloss: "shared destiny", rationale: "Common in official usage." },
  });
  expect(proposed.status()).toBe(201);
  await expect.poll(page, { timeout: 2_500, intervals: [100] }).toContain("命运与共");

  // A ballot does not; the copy catches up when it is regenerated (every few seconds).
  expect(await page()).not.toContain("Ballots counted: 1.");
  const saved = await api.put(`/api/terms/${slug}/ballot`, { data: { grades: { [term.renderings[0]!.id]: "good" } } });
  expect(saved.status()).toBe(200);
  await expect.poll(page, { timeout: 15_000, intervals: [500] }).toContain("Ballots counted: 1.");
  await api.dispose();
  await anonymous.dispose();
});
