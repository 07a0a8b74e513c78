import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { it } from "node:test";
import { describeEachEngine } from "@/test/support/db";
import { seed } from "@/server/seed/seed";
import { SEED_TERMS } from "@/server/seed/data";
import { getTerm, listTerms } from "@/server/terms/read";
import { migrate } from "@/server/db/migrate";
import { termDetailSchema, termSummarySchema } from "@/lib/schemas/term";
import { expectedPostgresSchema } from "@/scripts/schema-variants.mjs";

it("the PostgreSQL schema is generated from prisma/schema.prisma (run `npm run db:generate`)", () => {
  assert.equal(readFileSync("prisma/postgresql/schema.prisma", "utf8"), expectedPostgresSchema());
});

it("every change to prisma/schema.prisma has a migration (run `npm run db:migration -- <name>`)", () => {
  assert.equal(readFileSync("prisma/migrations/migrated.prisma", "utf8"), readFileSync("prisma/schema.prisma", "utf8"));
});

describeEachEngine("foundation", ({ database }) => {
  it("migrations apply to an empty database, and a second run applies nothing", async () => {
    const again = await migrate(database().config);
    assert.deepEqual(again, []);
    const tables = await database().db.delegation.count();
    assert.equal(tables, 0);
  });

  it("seeds the CSO term in consultation with its five renderings, the others as drafts", async () => {
    await seed(database().db);
    const cso = await getTerm("cso");
    termDetailSchema.parse(cso);
    assert.equal(cso.headword, "consociational security order");
    assert.equal(cso.abbreviation, "CSO");
    assert.equal(cso.stage, "consultation");
    assert.deepEqual(
      cso.renderings.map((r) => [r.text, r.pinyin]),
      [
        ["多元共存", "duō yuán gòng cún"],
        ["多元共生", "duō yuán gòng shēng"],
        ["多元共进", "duō yuán gòng jìn"],
        ["多元共商", "duō yuán gòng shāng"],
        ["多元•合作•共生", "duō yuán · hé zuò · gòng shēng"],
      ],
    );
    assert.ok(cso.renderings.every((r) => r.gloss.length > 0 && r.proposerLabel.length > 0));
    const terms = await listTerms();
    assert.equal(terms.length, SEED_TERMS.length);
    for (const t of terms) termSummarySchema.parse(t);
    assert.equal(terms[0]?.slug, "cso", "open consultations come first");
    assert.deepEqual(
      terms.filter((t) => t.slug !== "cso").map((t) => t.stage),
      Array(SEED_TERMS.length - 1).fill("draft"),
    );
    const delegations = await database().db.delegation.findMany({ orderBy: { sortOrder: "asc" } });
    assert.deepEqual(delegations.map((d) => d.name), ["China", "Canada"]);
  });

  it("the seed is idempotent and keeps later edits", async () => {
    const { db } = database();
    await db.term.update({ where: { slug: "cso" }, data: { stage: "provisional" } });
    const snapshot = async () => ({
      delegations: await db.delegation.findMany({ orderBy: { id: "asc" } }),
      terms: await db.term.findMany({ orderBy: { id: "asc" } }),
      renderings: await db.rendering.findMany({ orderBy: { id: "asc" } }),
    });
    const before = await snapshot();
    await seed(db);
    await seed(db);
    assert.deepEqual(await snapshot(), before);
    assert.equal((await getTerm("cso")).stage, "provisional");
  });

  it("an unknown slug is a typed not-found error", async () => {
    await assert.rejects(getTerm("no-such-term"), (e: Error & { code?: string }) => e.code === "not_found");
  });
});
