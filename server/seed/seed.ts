import type { Db } from "@/server/db/client";
import { normalizedKey, traditionalForm } from "@/lib/rendering/text";
import { SEED_DELEGATIONS, SEED_SOURCE, SEED_TERMS } from "@/server/seed/data";

/** When the seminar's renderings were offered; also orders them (the tie-break uses createdAt). */
const SEMINAR_DATE = Date.parse("2013-11-12T00:00:00Z");
const SEED_PROPOSER = "Chinese delegation, seminar of 2013-11-12";

/**
 * Idempotent: creates what is missing and never overwrites what exists, so a facilitator's
 * later edits (a stage moved, a definition corrected) survive every restart.
 */
export async function seed(db: Db): Promise<void> {
  for (const d of SEED_DELEGATIONS) {
    await db.delegation.upsert({ where: { name: d.name }, update: {}, create: { ...d } });
  }
  for (const t of SEED_TERMS) {
    const { renderings, ...fields } = t;
    const term = await db.term.upsert({
      where: { slug: t.slug },
      update: {},
      create: { ...fields, source: SEED_SOURCE, createdAt: new Date(SEMINAR_DATE) },
    });
    // A field added later (issue 14: the Chinese definition) is filled in where it is still empty.
    if (fields.definitionTarget && term.definitionTarget === "") {
      await db.term.updateMany({ where: { id: term.id, definitionTarget: "" }, data: { definitionTarget: fields.definitionTarget } });
    }
    for (const [i, r] of renderings.entries()) {
      const key = normalizedKey(r.text);
      await db.rendering.upsert({
        where: { termId_normalizedKey: { termId: term.id, normalizedKey: key } },
        update: {},
        create: {
          ...r,
          termId: term.id,
          normalizedKey: key,
          traditional: traditionalForm(r.text),
          proposerLabel: SEED_PROPOSER,
          createdAt: new Date(SEMINAR_DATE + i * 1000),
        },
      });
    }
  }
}
