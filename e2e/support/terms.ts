import { randomBytes } from "node:crypto";
import { e2eDb, apiToken, type TestUser } from "./auth";
import { derivePinyin, normalizedKey } from "../../lib/rendering/text";

/**
 * Terms for the end-to-end tests, each test on a term of its own: created with its renderings
 * (one second apart, in the order given) as the seed creates a term, and graded through the API
 * as a member's client grades (PUT /api/terms/{slug}/ballot), so every ballot writes its event
 * and the maintained tally follows. The Playwright process cannot load the app's server-only
 * services; test/support/factories.ts is their in-process counterpart.
 */
export async function createTerm({ prefix, headword, texts }: { prefix: string; headword: string; texts: string[] }) {
  const slug = `${prefix}-${randomBytes(4).toString("hex")}`;
  const term = await e2eDb().term.create({
    data: {
      slug,
      headword: `${headword} ${slug}`,
      stage: "consultation",
      renderings: {
        create: texts.map((text, i) => ({ text, normalizedKey: normalizedKey(text), pinyin: derivePinyin(text), gloss: "g", createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)) })),
      },
    },
    include: { renderings: { orderBy: { createdAt: "asc" } } },
  });
  return { ...term, slug };
}

const baseURL = () => `http://127.0.0.1:${process.env.E2E_PORT ?? 3210}`;

/** Saves each voter's ballot through the API with an API token of theirs (the term is in consultation). */
export async function castBallots(slug: string, ballots: { user: Pick<TestUser, "id">; grades: Record<string, string>; reasons?: Record<string, string> }[]) {
  for (const b of ballots) {
    const res = await fetch(`${baseURL()}/api/terms/${slug}/ballot`, {
      method: "PUT",
      headers: { authorization: `Bearer ${await apiToken(b.user.id)}`, "content-type": "application/json" },
      body: JSON.stringify({ grades: b.grades, reasons: b.reasons ?? {} }),
    });
    if (res.status !== 200) throw new Error(`grading ${slug}: ${res.status} ${await res.text()}`);
  }
}
