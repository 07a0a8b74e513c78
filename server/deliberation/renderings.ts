import "server-only";
import { db } from "@/server/db/client";
import { AppError, conflict, forbidden, notFound } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import type { RenderingView } from "@/lib/schemas/term";
import { isRegion } from "@/lib/records/regions";
import { isSynonymClass } from "@/lib/records/synonym-classes";
import { editRenderingSchema, proposeRenderingSchema } from "@/lib/schemas/rendering";
import { normalizedKey, traditionalForm } from "@/lib/rendering/text";
import { renderingPinyin } from "@/lib/rendering/pinyin";
import { PROPOSALS_OPEN } from "@/lib/term-stages";
import { requireActor, requireDelegation } from "@/server/auth/guard";
import type { Tx } from "@/server/site/audit";
import { changeTerm } from "@/server/terms/change";
import { closeExpiredConsultation, prismaCode, requireStage } from "@/server/terms/deadline";
import { requireWithinLimit } from "@/server/site/rate-limit";

/**
 * Proposals: a scholar proposes a rendering while the term is in consultation, edits the gloss,
 * rationale or pinyin of their own, and withdraws it while nobody else has graded it.
 * Duplicates are found by the normalized key (unique per term in the database).
 */

const PROPOSER = { select: { name: true, delegation: { select: { name: true, nameZh: true } } } } as const;

type RenderingRow = {
  id: string;
  text: string;
  traditional: string;
  pinyin: string;
  gloss: string;
  rationale: string;
  region: string;
  synonymClass: string;
  status: RenderingView["status"];
  proposerLabel: string;
  createdAt: Date;
  proposer: { name: string; delegation: { name: string; nameZh: string | null } | null } | null;
};

export function renderingView(r: RenderingRow): RenderingView {
  return {
    id: r.id,
    text: r.text,
    traditional: r.traditional,
    pinyin: r.pinyin,
    gloss: r.gloss,
    rationale: r.rationale,
    region: isRegion(r.region) ? r.region : null,
    synonymClass: isSynonymClass(r.synonymClass) ? r.synonymClass : null,
    status: r.status,
    proposer: r.proposer ? { name: r.proposer.name, delegation: r.proposer.delegation?.name ?? null, delegationZh: r.proposer.delegation?.nameZh ?? null } : null,
    proposerLabel: r.proposerLabel,
    createdAt: r.createdAt.toISOString(),
  };
}


export async function proposeRendering(actor: Actor | null, slug: string, raw: unknown): Promise<RenderingView> {
  const me = requireDelegation(requireActor(actor));
  const input = proposeRenderingSchema.parse(raw);
  await closeExpiredConsultation({ slug });
  const term = await db().term.findUnique({ where: { slug }, select: { id: true, stage: true } });
  if (!term) throw notFound("Term");
  requireStage(term.stage, PROPOSALS_OPEN, "Proposals are closed: this term is not in consultation.");
  await requireWithinLimit("proposal", me.id);

  const key = normalizedKey(input.text);
  const fields = {
    text: input.text,
    normalizedKey: key,
    traditional: traditionalForm(input.text),
    pinyin: renderingPinyin(input.text, input.pinyin),
    gloss: input.gloss,
    rationale: input.rationale,
    region: input.region ?? "",
    synonymClass: input.synonymClass ?? "",
    proposerId: me.id,
    proposerLabel: "",
    status: "active" as const,
  };
  const existing = await db().rendering.findUnique({ where: { termId_normalizedKey: { termId: term.id, normalizedKey: key } } });
  if (existing && existing.status !== "withdrawn") throw await duplicateOf(existing);

  try {
    // A rendering proposed again after its withdrawal may carry grades from before: a rebuild.
    return await changeTerm(term.id, { renderings: existing ? true : "added" }, async (tx, emit) => {
      // A withdrawn rendering is proposed again under the new proposer's name rather than
      // refused: withdrawing it said nobody stood behind it any more. Its history stays.
      await requireOpenTerm(tx, term.id);
      const row = existing
        ? await tx.rendering.update({
            where: { id: existing.id, status: "withdrawn" },
            data: { ...fields, createdAt: new Date() },
            include: { proposer: PROPOSER },
          })
        : await tx.rendering.create({ data: { ...fields, termId: term.id }, include: { proposer: PROPOSER } });
      emit("rendering", { action: "proposed", id: row.id });
      return renderingView(row);
    });
  } catch (e) {
    // Two scholars proposing the same rendering at once: the unique key refuses the second.
    const code = prismaCode(e);
    if (code === "P2002" || code === "P2025") {
      const now = await db().rendering.findUnique({ where: { termId_normalizedKey: { termId: term.id, normalizedKey: key } } });
      if (now) throw await duplicateOf(now);
    }
    throw e;
  }
}

type ExistingRendering = { id: string; text: string; status: string; mergedIntoId: string | null };

/**
 * 409 pointing to the rendering to grade instead: the existing one, or, when it was merged,
 * the one it was merged into. A hidden rendering is not pointed to (it left public view).
 */
async function duplicateOf(existing: ExistingRendering): Promise<AppError> {
  let target: ExistingRendering | null = existing;
  for (let hops = 0; target?.status === "merged" && target.mergedIntoId && hops < 20; hops++) {
    target = await db().rendering.findUnique({
      where: { id: target.mergedIntoId },
      select: { id: true, text: true, status: true, mergedIntoId: true },
    });
  }
  if (!target || target.status !== "active") {
    return conflict("This rendering was proposed before and removed by the facilitators.", { reason: "duplicate", existingId: null, existing: null });
  }
  return conflict(`This rendering has already been proposed as ${target.text}: grade that one instead.`, {
    reason: "duplicate",
    existingId: target.id,
    existing: { id: target.id, text: target.text },
  });
}

/**
 * The proposer's own rendering, while it is active and proposals are open.
 * Someone else's: 403; no such rendering: 404.
 */
async function ownRendering(me: Actor, id: string) {
  const r = await db().rendering.findUnique({ where: { id }, include: { term: { select: { id: true, slug: true, stage: true } } } });
  if (!r) throw notFound("Rendering");
  if (r.proposerId !== me.id) throw forbidden("Only its proposer may change or withdraw a rendering.");
  if (r.status !== "active") throw conflict(`This rendering is ${r.status}; it can no longer be changed.`);
  if (await closeExpiredConsultation({ id: r.termId })) r.term.stage = "provisional";
  requireStage(r.term.stage, PROPOSALS_OPEN, "Proposals are closed: this term is not in consultation.");
  return r;
}

export async function editRendering(actor: Actor | null, id: string, raw: unknown): Promise<RenderingView> {
  const me = requireActor(actor);
  const input = editRenderingSchema.parse(raw);
  const r = await ownRendering(me, id);
  const data = {
    ...(input.gloss !== undefined ? { gloss: input.gloss } : {}),
    ...(input.rationale !== undefined ? { rationale: input.rationale } : {}),
    ...(input.pinyin !== undefined ? { pinyin: renderingPinyin(r.text, input.pinyin) } : {}),
    ...(input.region !== undefined ? { region: input.region ?? "" } : {}),
    ...(input.synonymClass !== undefined ? { synonymClass: input.synonymClass ?? "" } : {}),
  };
  return changeTerm(r.termId, {}, async (tx, emit) => {
    // Scoped to the owner and the active status, so a withdrawal or merge that lands meanwhile wins.
    const { count } = await tx.rendering.updateMany({ where: { id, proposerId: me.id, status: "active" }, data });
    if (count === 0) throw conflict("This rendering changed meanwhile; reload and try again.");
    emit("rendering", { action: "edited", id });
    return renderingView(await tx.rendering.findUniqueOrThrow({ where: { id }, include: { proposer: PROPOSER } }));
  });
}

/**
 * Withdraws the proposer's own rendering while no other scholar has graded it. It leaves the
 * ballots' count and the tally (only active renderings count); its row, comments and the
 * grades already given stay as history.
 */
export async function withdrawRendering(actor: Actor | null, id: string): Promise<RenderingView> {
  const me = requireActor(actor);
  const r = await ownRendering(me, id);
  return changeTerm(r.termId, { renderings: true }, async (tx, emit) => {
    await requireOpenTerm(tx, r.termId);
    const others = await tx.ballot.findMany({ where: { termId: r.termId, userId: { not: me.id } }, select: { grades: true } });
    if (others.some((b) => hasGradeFor(b.grades, id))) {
      throw conflict("Other scholars have graded this rendering; it can no longer be withdrawn.", { reason: "graded_by_others" });
    }
    const { count } = await tx.rendering.updateMany({ where: { id, proposerId: me.id, status: "active" }, data: { status: "withdrawn" } });
    if (count === 0) throw conflict("This rendering changed meanwhile; reload and try again.");
    emit("rendering", { action: "withdrawn", id });
    return renderingView(await tx.rendering.findUniqueOrThrow({ where: { id }, include: { proposer: PROPOSER } }));
  });
}

/**
 * Inside a change that holds the term's row lock (changeTerm with `renderings`), checks the
 * stage again: no grade or stage move can land between this check and the change that follows.
 */
async function requireOpenTerm(tx: Tx, termId: string): Promise<void> {
  const { stage } = await tx.term.findUniqueOrThrow({ where: { id: termId }, select: { stage: true } });
  requireStage(stage, PROPOSALS_OPEN, "Proposals are closed: this term is not in consultation.");
}

/** Whether a ballot's stored grades (JSON { renderingId: grade }) grade this rendering. */
export function hasGradeFor(grades: unknown, renderingId: string): boolean {
  return !!grades && typeof grades === "object" && !Array.isArray(grades) && typeof (grades as Record<string, unknown>)[renderingId] === "string";
}
