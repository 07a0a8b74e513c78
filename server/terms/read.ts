import "server-only";
import { db } from "@/server/db/client";
import { notFound } from "@/lib/errors";
import type { TermDetail, TermSummary } from "@/lib/schemas/term";
import { leaderOf } from "@/server/results/service";
import { renderingView } from "@/server/deliberation/renderings";
import { closeExpiredConsultation, closeExpiredConsultations } from "@/server/terms/deadline";

/** Renderings a reader sees: the active ones (withdrawn, merged and hidden ones leave public views). */
const VISIBLE = { status: "active" } as const;

const STAGE_ORDER = { consultation: 0, provisional: 1, published: 2, draft: 3 } as const;

export async function listTerms(): Promise<TermSummary[]> {
  await closeExpiredConsultations();
  const terms = await db().term.findMany({
    orderBy: { headword: "asc" },
    include: { _count: { select: { renderings: { where: VISIBLE }, ballots: true } } },
  });
  // Open consultations first, drafts last (enum order differs between the two databases, so sort here).
  terms.sort((a, b) => STAGE_ORDER[a.stage] - STAGE_ORDER[b.stage]);
  return Promise.all(
    terms.map(async (t) => ({
      slug: t.slug,
      headword: t.headword,
      abbreviation: t.abbreviation,
      stage: t.stage,
      sourceLang: t.sourceLang,
      targetLang: t.targetLang,
      deadline: t.deadline?.toISOString() ?? null,
      renderingCount: t._count.renderings,
      ballotCount: t._count.ballots,
      ...(t._count.ballots > 0 ? await leaderOf(t.id) : { leader: null, consensus: null }),
    })),
  );
}

export async function getTerm(slug: string): Promise<TermDetail & { id: string }> {
  await closeExpiredConsultation({ slug });
  const t = await db().term.findUnique({
    where: { slug },
    include: {
      _count: { select: { ballots: true } },
      renderings: {
        where: VISIBLE,
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        include: { proposer: { select: { name: true, delegation: { select: { name: true } } } } },
      },
    },
  });
  if (!t) throw notFound("Term");
  const ballotCount = t._count.ballots;
  return {
    id: t.id,
    ...termFields(t),
    deadline: t.deadline?.toISOString() ?? null,
    renderingCount: t.renderings.length,
    ballotCount,
    ...(ballotCount > 0 ? await leaderOf(t.id) : { leader: null, consensus: null }),
    renderings: t.renderings.map(renderingView),
  };
}

/** The descriptive fields of a term (also the base of term-admin's TermRecord). */
export type TermRow = {
  slug: string;
  headword: string;
  abbreviation: string | null;
  definition: string;
  context: string;
  note: string;
  definitionTarget: string;
  contextTarget: string;
  noteTarget: string;
  source: string;
  subjectField: string;
  stage: TermDetail["stage"];
  sourceLang: string;
  targetLang: string;
};

/** The descriptive fields of a term, as every view of it (page, API, exports) shows them. */
export function termFields(t: TermRow): TermRow {
  return {
    slug: t.slug,
    headword: t.headword,
    abbreviation: t.abbreviation,
    definition: t.definition,
    context: t.context,
    note: t.note,
    definitionTarget: t.definitionTarget,
    contextTarget: t.contextTarget,
    noteTarget: t.noteTarget,
    source: t.source,
    subjectField: t.subjectField,
    stage: t.stage,
    sourceLang: t.sourceLang,
    targetLang: t.targetLang,
  };
}
