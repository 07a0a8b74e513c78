import "server-only";
import { db } from "@/server/db/client";
import type { Prisma } from "@/generated/sqlite/client";
import { conflict, invalid, notFound, type FieldErrors } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import { decisionClasses, decisionSnapshotSchema, idList, storedClasses, recordDecisionSchema, type DecisionSnapshot, type DecisionView, type RecordDecision } from "@/lib/schemas/decision";
import { isRegion, regionalAdoptionProblems } from "@/lib/records/regions";
import { isSynonymClass } from "@/lib/records/synonym-classes";
import { DECISION_FROM } from "@/lib/term-stages";
import { requireRole } from "@/server/auth/guard";
import { recordAudit } from "@/server/site/audit";
import { getResults, verifiedResults } from "@/server/results/service";
import { exportBallots } from "@/server/ballots/export";
import { ballotExportSchema, tally, type BallotExport, type Grade } from "@/lib/tally";
// Not through the index: lib/tally/index.ts is also imported by client code, seal needs node:crypto.
import { canonicalJson, sha256Hex } from "@/lib/tally/seal";
import { isDeepStrictEqual } from "node:util";
import { closeExpiredConsultation, stageClosed } from "@/server/terms/deadline";
import { changeTerm } from "@/server/terms/change";

/**
 * Recording a decision publishes a provisional term: the adopted rendering (正名), admitted
 * alternatives (又称), deprecated ones, a statement in both languages, who decided and when,
 * and a frozen snapshot of the results it rests on. Reopening the term (server/terms/admin.ts)
 * marks the decision superseded; decisions are never deleted.
 *
 * Sealed (issue 15): the anonymized ballot export the results were computed from is frozen
 * with the decision as its RFC 8785 canonical JSON text, and `ballotsDigest` is the SHA-256 of
 * that text. Anyone downloads it (GET …/decisions/{id}/ballots), recomputes the digest
 * (`npm run tally -- --digest`) and recounts it (`npm run tally`) to get the snapshot's results.
 */

export async function recordDecision(actor: Actor | null, slug: string, raw: unknown): Promise<DecisionView> {
  const { me, input, term } = await checkDecision(actor, slug, raw);

  // Both read after the tally version in checkDecision; the conditional update below refuses the
  // decision if anything moved that version since, so the export is the one the results were
  // computed from.
  const [results, frozen] = await Promise.all([verifiedResults(slug), exportBallots(slug)]);
  // The recount of the frozen export must give the very results frozen with it.
  if (!isDeepStrictEqual(tally(frozen), results)) {
    throw conflict("The ballots changed while the decision was being recorded; reload and try again.");
  }
  const frozenBallots = canonicalJson(frozen);
  const snapshot: DecisionSnapshot = {
    takenAt: new Date().toISOString(),
    tallyVersion: term.tallyVersion,
    ballotCount: term._count.ballots,
    results,
    renderings: term.renderings
      .filter((r) => r.status !== "hidden")
      .map((r) => ({ id: r.id, text: r.text, pinyin: r.pinyin, traditional: r.traditional, gloss: r.gloss, status: r.status, region: r.region })),
  };

  const decision = await changeTerm(term.id, {}, async (tx, emit, notice) => {
    // Conditional on the stage and on the results the snapshot was taken from.
    const { count } = await tx.term.updateMany({
      where: { id: term.id, stage: DECISION_FROM, tallyVersion: term.tallyVersion },
      data: { stage: "published", deadline: null },
    });
    if (count === 0) throw conflict("The term changed while the decision was being recorded; reload and try again.");
    const now = new Date();
    await tx.decision.updateMany({ where: { termId: term.id, supersededAt: null }, data: { supersededAt: now } });
    const d = await tx.decision.create({
      data: {
        termId: term.id,
        adoptedRenderingId: input.adoptedRenderingId,
        admittedIds: input.admittedIds,
        deprecatedIds: input.deprecatedIds,
        regionalIds: input.regionalIds,
        synonymClasses: decisionClasses(input),
        statementEn: input.statementEn,
        statementZh: input.statementZh,
        decidedById: me.id,
        decidedAt: now,
        snapshot: snapshot as unknown as Prisma.InputJsonValue,
        frozenBallots,
        ballotsDigest: sha256Hex(frozenBallots),
      },
      include: { decidedBy: { select: { name: true } } },
    });
    const { snapshot: _s, frozenBallots: _f, ...recorded } = d;
    void _s;
    void _f;
    await recordAudit(tx, me.id, "term.decide", "decision", d.id, { stage: DECISION_FROM }, { stage: "published", decision: recorded });
    emit("decision", { id: d.id });
    emit("stage", { stage: "published", deadline: null });
    notice({ kind: "decision", decisionId: d.id });
    return d;
  });
  return decisionView(decision);
}

/**
 * Everything recording would check, without recording: the decide page's review step shows the
 * summary only for a decision that would be accepted as it stands (issue 15).
 */
export async function reviewDecision(actor: Actor | null, slug: string, raw: unknown): Promise<RecordDecision> {
  return (await checkDecision(actor, slug, raw)).input;
}

/** Authorizes, validates the input, and checks it against the term (stage, its renderings). */
async function checkDecision(actor: Actor | null, slug: string, raw: unknown) {
  const me = requireRole(actor, "facilitator");
  const input = recordDecisionSchema.parse(raw);
  await closeExpiredConsultation({ slug });
  // Brings the maintained tally up to date first (a rebuild moves the version), so the version
  // read next is the one the snapshot's results are for.
  await getResults(slug);
  const term = await db().term.findUnique({
    where: { slug },
    select: {
      id: true,
      stage: true,
      tallyVersion: true,
      _count: { select: { ballots: true } },
      renderings: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
    },
  });
  if (!term) throw notFound("Term");
  if (term.stage !== DECISION_FROM) {
    throw stageClosed("A decision is recorded on a provisional term: close the consultation first.");
  }

  const byId = new Map(term.renderings.map((r) => [r.id, r]));
  const fields: FieldErrors = {};
  const check = (field: string, ids: string[], allowed: readonly string[]) => {
    for (const id of ids) {
      const r = byId.get(id);
      if (!r) (fields[field] ??= []).push("not_a_rendering_of_term");
      else if (!allowed.includes(r.status)) (fields[field] ??= []).push("rendering_not_active");
    }
  };
  check("adoptedRenderingId", [input.adoptedRenderingId], ["active"]);
  check("regionalIds", input.regionalIds, ["active"]);
  check("admittedIds", input.admittedIds, ["active"]);
  // A deprecated form may be one that was withdrawn or merged as a duplicate (e.g. a variant spelling).
  check("deprecatedIds", input.deprecatedIds, ["active", "withdrawn", "merged"]);
  if (Object.keys(fields).length > 0) throw invalid("The decision names renderings it cannot use: see the fields.", fields);
  const regions = regionalAdoptionProblems(input.adoptedRenderingId, input.regionalIds, (id) => byId.get(id)?.region ?? "");
  if (Object.keys(regions).length > 0) {
    throw invalid("Each adopted regional variant needs its own region, and a region has at most one adopted form.", regions);
  }

  return { me, input, term };
}

type DecisionRow = {
  id: string;
  adoptedRenderingId: string;
  admittedIds: unknown;
  deprecatedIds: unknown;
  regionalIds: unknown;
  synonymClasses: unknown;
  statementEn: string;
  statementZh: string;
  decidedAt: Date;
  supersededAt: Date | null;
  snapshot: unknown;
  ballotsDigest: string | null;
  decidedBy: { name: string };
};

/** Texts come from the frozen snapshot, so the decision reads as it did when recorded. */
function decisionView(d: DecisionRow): DecisionView {
  const snapshot = d.snapshot as DecisionSnapshot;
  const texts = new Map(snapshot.renderings.map((r) => [r.id, r]));
  const list = idList;
  const regional = list(d.regionalIds);
  const classes = storedClasses(d);
  const ref = (id: string) => {
    const r = texts.get(id);
    const cls = classes[id];
    return { id, text: r?.text ?? "", pinyin: r?.pinyin ?? "", synonymClass: isSynonymClass(cls) ? cls : null, region: isRegion(r?.region) ? r.region : null };
  };
  return {
    id: d.id,
    adopted: ref(d.adoptedRenderingId),
    regional: regional.map(ref),
    admitted: list(d.admittedIds).map(ref),
    deprecated: list(d.deprecatedIds).map(ref),
    statementEn: d.statementEn,
    statementZh: d.statementZh,
    decidedBy: d.decidedBy.name,
    decidedAt: d.decidedAt.toISOString(),
    supersededAt: d.supersededAt?.toISOString() ?? null,
    ballotsDigest: d.ballotsDigest,
  };
}

/** Every decision of a term, newest first (the current one, if any, has supersededAt null). */
export async function listDecisions(termId: string): Promise<DecisionView[]> {
  const rows = await db().decision.findMany({
    where: { termId },
    orderBy: [{ decidedAt: "desc" }, { id: "desc" }],
    omit: { frozenBallots: true },
    include: { decidedBy: { select: { name: true } } },
  });
  return rows.map(decisionView);
}

/** One decision with its frozen snapshot (the page a published term links to). */
export async function getDecision(slug: string, id: string): Promise<{ decision: DecisionView; snapshot: DecisionSnapshot; term: { slug: string; headword: string; targetLang: string } }> {
  const d = await db().decision.findUnique({
    where: { id },
    omit: { frozenBallots: true },
    include: { decidedBy: { select: { name: true } }, term: { select: { slug: true, headword: true, targetLang: true } } },
  });
  if (!d || d.term.slug !== slug) throw notFound("Decision");
  return { decision: decisionView(d), snapshot: decisionSnapshotSchema.parse(d.snapshot), term: d.term };
}

/** A decision with its snapshot and its frozen ballots (null before sealing): the record's basis. */
export async function getSealedDecision(slug: string, id: string) {
  const found = await getDecision(slug, id);
  const sealed = await db().decision.findUnique({ where: { id }, select: { frozenBallots: true } });
  const frozen: BallotExport | null = sealed?.frozenBallots ? ballotExportSchema.parse(JSON.parse(sealed.frozenBallots)) : null;
  return { ...found, frozen };
}

/**
 * The ballot export a decision froze, as the canonical JSON text it was sealed as (its SHA-256
 * is the decision's ballotsDigest). Decisions recorded before sealing have none: 404.
 */
export async function getFrozenBallots(slug: string, id: string): Promise<{ text: string; digest: string }> {
  const d = await db().decision.findUnique({
    where: { id },
    select: { frozenBallots: true, ballotsDigest: true, term: { select: { slug: true } } },
  });
  if (!d || d.term.slug !== slug) throw notFound("Decision");
  if (d.frozenBallots === null || d.ballotsDigest === null) throw notFound("Frozen ballots of this decision");
  return { text: d.frozenBallots, digest: d.ballotsDigest };
}

export type DecisionCandidate = { id: string; text: string; pinyin: string; status: string; rank: number | null; median: Grade | null; region: string; synonymClass: string };

/**
 * What the decide form offers (facilitators): the term, its renderings in ranking order (the
 * active ones first), with the consensus, or else the leader, as the suggested adopted one.
 * Withdrawn and merged renderings are listed last, as possible deprecated forms.
 */
export async function decisionCandidates(actor: Actor | null, slug: string) {
  requireRole(actor, "facilitator");
  await closeExpiredConsultation({ slug });
  const term = await db().term.findUnique({
    where: { slug },
    select: { id: true, slug: true, headword: true, stage: true, targetLang: true, renderings: { where: { status: { not: "hidden" } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] } },
  });
  if (!term) throw notFound("Term");
  const results = await getResults(slug);
  const rank = new Map(results.ranking.map((id, i) => [id, i + 1]));
  const candidates: DecisionCandidate[] = term.renderings
    .map((r) => ({ id: r.id, text: r.text, pinyin: r.pinyin, status: r.status, rank: rank.get(r.id) ?? null, median: results.renderings[r.id]?.median ?? null, region: r.region, synonymClass: r.synonymClass }))
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
  return {
    term: { slug: term.slug, headword: term.headword, stage: term.stage, targetLang: term.targetLang },
    candidates,
    suggested: results.consensus ?? (results.voters > 0 ? (results.ranking[0] ?? null) : null),
    /** What the facilitator decides on: medians per delegation, blocks, robustness, explanation. */
    results,
  };
}
