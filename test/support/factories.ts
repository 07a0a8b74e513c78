import { randomBytes } from "node:crypto";
import type { Db } from "@/server/db/client";
import type { Actor, Role } from "@/lib/permissions";
import type { Stage } from "@/lib/schemas/term";
import type { Grade } from "@/lib/tally";
import { normalizedKey, traditionalForm, derivePinyin } from "@/lib/rendering/text";
import { castBallot } from "@/server/ballots/service";
import { changeTerm } from "@/server/terms/change";

/**
 * The data integration tests work on, made the way the app makes it: ballots through the ballot
 * service (so they write their event, move the maintained tally and wake the streams),
 * renderings added to a term through the one path of a change of a term (changeTerm), each test
 * on a term of its own. Rows planted behind the services' back on purpose (bulk benchmark data, fault
 * injection) are test/support/raw-sql.ts's `plant*`.
 */

/** A delegation by name, created when missing (China and Canada exist after the seed). */
export async function ensureDelegation(db: Db, name: string) {
  return db.delegation.upsert({ where: { name }, update: {}, create: { name } });
}

/**
 * Creates a real user in the test database and returns the Actor a request of theirs would
 * resolve to. `delegation: null` for a member without one.
 */
export async function createActor(
  db: Db,
  { role = "scholar", delegation = "Canada", name }: { role?: Role; delegation?: string | null; name?: string } = {},
): Promise<Actor> {
  const d = delegation ? await ensureDelegation(db, delegation) : null;
  const tag = randomBytes(4).toString("hex");
  const user = await db.user.create({
    data: {
      email: `${role}-${tag}@example.org`,
      name: name ?? `${role} ${tag}`,
      role,
      delegationId: d?.id ?? null,
    },
  });
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role,
    delegationId: d?.id ?? null,
    delegation: d?.name ?? null,
    locale: "en",
    via: "token",
  };
}

/** Five renderings of “co-governance” for tests that need a few to grade. */
export const SAMPLE_TEXTS = ["多元共存", "多元共生", "多元共进", "多元共商", "多元•合作•共生"];

/**
 * A fresh term of its own for a test (so tests never share ballots), in `stage`, created with its
 * renderings `texts` (seed renderings, no proposer) one second apart from `start` in the order
 * given, as the seed and an import create a term: its tally and renderings versions start at 0.
 */
export async function makeTerm(
  db: Db,
  {
    stage = "consultation",
    deadline = null,
    texts = [],
    start = new Date("2026-01-01T00:00:00Z"),
  }: { stage?: Stage; deadline?: Date | null; texts?: string[]; start?: Date } = {},
) {
  const tag = randomBytes(4).toString("hex");
  return db.term.create({
    data: {
      slug: `t-${tag}`,
      headword: `term t-${tag}`,
      stage,
      deadline,
      renderings: { create: texts.map((text, i) => ({ ...renderingFields(text), proposerLabel: "seed", createdAt: new Date(start.getTime() + i * 1000) })) },
    },
    include: { renderings: { orderBy: { createdAt: "asc" } } },
  });
}

function renderingFields(text: string) {
  return { text, normalizedKey: normalizedKey(text), traditional: traditionalForm(text), pinyin: derivePinyin(text), gloss: `gloss of ${text}` };
}

/** The term's rendering ids in creation order, typed as a tuple that has at least three. */
export function ids(term: { renderings: { id: string }[] }): [string, string, string, ...string[]] {
  const list = term.renderings.map((r) => r.id);
  if (list.length < 3) throw new Error("the test term needs at least three renderings");
  return list as [string, string, string, ...string[]];
}

/**
 * Adds a rendering to a term through changeTerm (the term's versions move and its maintained
 * tally follows, as for a proposal), whatever the term's stage; `proposer` absent: a seed
 * rendering. Tests of proposing itself call the service (proposeRendering).
 */
export type Rendering = Awaited<ReturnType<typeof addRendering>>;

export async function addRendering(db: Db, termId: string, text: string, proposer?: Actor, createdAt = new Date()) {
  return changeTerm(termId, { renderings: "added" }, (tx) =>
    tx.rendering.create({
      data: {
        termId,
        ...renderingFields(text),
        proposerId: proposer?.id ?? null,
        proposerLabel: proposer ? "" : "seed",
        createdAt,
      },
    }),
  );
}

/**
 * Saves `voter`'s ballot through the ballot service, as the form and the API do: the ballot,
 * its event, the maintained tally and the live event are written together. The term must be
 * open for grading (in consultation).
 */
export async function grade(db: Db, voter: Actor, termId: string, grades: Record<string, Grade>, reasons: Record<string, string> = {}) {
  const { slug } = await db.term.findUniqueOrThrow({ where: { id: termId }, select: { slug: true } });
  await castBallot(voter, slug, { grades, reasons });
  return db.ballot.findUniqueOrThrow({ where: { termId_userId: { termId, userId: voter.id } } });
}
