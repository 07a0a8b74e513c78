import { randomBytes } from "node:crypto";
import type { Db } from "@/server/db/client";
import type { Stage } from "@/lib/schemas/term";
import { normalizedKey } from "@/lib/rendering/text";

const TEXTS = ["多元共存", "多元共生", "多元共进", "多元共商", "多元•合作•共生"];

/**
 * A fresh term of its own for each test (so tests never share ballots), with renderings
 * created one second apart in the order given.
 */
export async function createTerm(db: Db, { stage, texts = TEXTS }: { stage: Stage; texts?: string[] }) {
  const slug = `t-${randomBytes(4).toString("hex")}`;
  const start = Date.parse("2026-01-01T00:00:00Z");
  return db.term.create({
    data: {
      slug,
      headword: `term ${slug}`,
      stage,
      renderings: {
        create: texts.map((text, i) => ({ text, normalizedKey: normalizedKey(text), createdAt: new Date(start + i * 1000) })),
      },
    },
    include: { renderings: { orderBy: { createdAt: "asc" } } },
  });
}

/** The term's rendering ids in creation order, typed as a tuple that has at least three. */
export function ids(term: { renderings: { id: string }[] }): [string, string, string, ...string[]] {
  const list = term.renderings.map((r) => r.id);
  if (list.length < 3) throw new Error("the test term needs at least three renderings");
  return list as [string, string, string, ...string[]];
}
