import "server-only";
import { db } from "@/server/db/client";
import { notFound } from "@/lib/errors";
import type { TermDetail, TermSummary } from "@/lib/schemas/term";
import { leaderOf } from "@/server/results/service";
import { isRegion } from "@/lib/records/regions";
import { isSynonymClass } from "@/lib/records/synonym-classes";
import { idList, storedClasses } from "@/lib/schemas/decision";
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
  const decided = await decidedForms(terms.filter((t) => t.stage === "published").map((t) => t.id));
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
      decided: decided.get(t.id) ?? null,
    })),
  );
}

/** The adopted forms of the decisions in force (the lexicon list shows 正名 and regional variants). */
async function decidedForms(termIds: string[]): Promise<Map<string, NonNullable<TermSummary["decided"]>>> {
  if (termIds.length === 0) return new Map();
  const decisions = await db().decision.findMany({
    where: { termId: { in: termIds }, supersededAt: null },
    select: { termId: true, adoptedRenderingId: true, admittedIds: true, deprecatedIds: true, regionalIds: true, synonymClasses: true },
  });
  const list = idList;
  const ids = decisions.flatMap((d) => [d.adoptedRenderingId, ...list(d.regionalIds)]);
  const renderings = new Map((await db().rendering.findMany({ where: { id: { in: ids } }, select: { id: true, text: true, region: true } })).map((r) => [r.id, r]));
  const out = new Map<string, NonNullable<TermSummary["decided"]>>();
  for (const d of decisions) {
    const adopted = renderings.get(d.adoptedRenderingId);
    if (!adopted) continue;
    const cls = storedClasses(d)[adopted.id];
    out.set(d.termId, {
      standard: { id: adopted.id, text: adopted.text, synonymClass: isSynonymClass(cls) ? cls : null },
      regional: list(d.regionalIds).flatMap((id) => {
        const r = renderings.get(id);
        return r && isRegion(r.region) ? [{ id: r.id, text: r.text, region: r.region }] : [];
      }),
    });
  }
  return out;
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
        include: { proposer: { select: { name: true, delegation: { select: { name: true, nameZh: true } } } } },
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
    decided: t.stage === "published" ? ((await decidedForms([t.id])).get(t.id) ?? null) : null,
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
