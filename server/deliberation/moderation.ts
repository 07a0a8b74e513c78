import "server-only";
import { db } from "@/server/db/client";
import { conflict, notFound } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import { hideInputSchema } from "@/lib/schemas/moderation";
import { requireRole } from "@/server/auth/guard";
import { recordAudit } from "@/server/site/audit";
import { notify } from "@/server/site/notifications";
import { changeTerm } from "@/server/terms/change";

/**
 * Hiding abuse. A facilitator hides a rendering or a comment: it leaves every public view
 * (and a hidden rendering leaves the tally), stays in the database for admins, and its author
 * is told. Admins, who still see it, may restore it. Allowed at any stage.
 */

export async function hideRendering(actor: Actor | null, id: string, raw: unknown = {}): Promise<void> {
  const me = requireRole(actor, "facilitator");
  const { reason } = hideInputSchema.parse(raw ?? {});
  const r = await db().rendering.findUnique({ where: { id }, include: { term: { select: { headword: true } } } });
  if (!r) throw notFound("Rendering");
  if (r.status === "hidden") throw conflict("This rendering is hidden already.");
  if (r.status !== "active") throw conflict(`This rendering is ${r.status}; only active renderings can be hidden.`);
  await changeTerm(r.termId, { renderings: true }, async (tx, emit) => {
    const { count } = await tx.rendering.updateMany({ where: { id, status: "active" }, data: { status: "hidden" } });
    if (count === 0) throw conflict("This rendering changed meanwhile; reload and try again.");
    if (r.proposerId) await notify(tx, r.proposerId, "rendering_hidden", { text: r.text, term: r.term.headword, reason });
    await recordAudit(tx, me.id, "rendering.hide", "rendering", id, { status: "active" }, { status: "hidden", reason });
    emit("rendering", { action: "hidden", id });
  });
}

export async function unhideRendering(actor: Actor | null, id: string): Promise<void> {
  const me = requireRole(actor, "admin");
  const r = await db().rendering.findUnique({ where: { id }, select: { termId: true, status: true } });
  if (!r) throw notFound("Rendering");
  await changeTerm(r.termId, { renderings: true }, async (tx, emit) => {
    const { count } = await tx.rendering.updateMany({ where: { id, status: "hidden" }, data: { status: "active" } });
    if (count === 0) throw conflict("This rendering is not hidden.");
    await recordAudit(tx, me.id, "rendering.unhide", "rendering", id, { status: "hidden" }, { status: "active" });
    emit("rendering", { action: "restored", id });
  });
}

export async function hideComment(actor: Actor | null, id: string, raw: unknown = {}): Promise<void> {
  const me = requireRole(actor, "facilitator");
  const { reason } = hideInputSchema.parse(raw ?? {});
  const c = await db().comment.findUnique({ where: { id }, include: { rendering: { select: { text: true } }, term: { select: { headword: true } } } });
  if (!c) throw notFound("Comment");
  await changeTerm(c.termId, {}, async (tx, emit) => {
    const { count } = await tx.comment.updateMany({ where: { id, hiddenAt: null }, data: { hiddenAt: new Date() } });
    if (count === 0) throw conflict("This comment is hidden already.");
    await notify(tx, c.authorId, "comment_hidden", { text: c.rendering.text, term: c.term.headword, reason });
    await recordAudit(tx, me.id, "comment.hide", "comment", id, { hiddenAt: null, body: c.body }, { hiddenAt: new Date(), reason });
    emit("comment", { action: "hidden", id, renderingId: c.renderingId });
  });
}

export async function unhideComment(actor: Actor | null, id: string): Promise<void> {
  const me = requireRole(actor, "admin");
  const c = await db().comment.findUnique({ where: { id }, select: { hiddenAt: true, termId: true, renderingId: true } });
  if (!c) throw notFound("Comment");
  await changeTerm(c.termId, {}, async (tx, emit) => {
    const { count } = await tx.comment.updateMany({ where: { id, hiddenAt: { not: null } }, data: { hiddenAt: null } });
    if (count === 0) throw conflict("This comment is not hidden.");
    await recordAudit(tx, me.id, "comment.unhide", "comment", id, { hiddenAt: c.hiddenAt }, { hiddenAt: null });
    emit("comment", { action: "restored", id, renderingId: c.renderingId });
  });
}

/** Hidden renderings of a term, which only admins see (to review or restore them). */
export async function listHiddenRenderings(actor: Actor | null, termId: string) {
  requireRole(actor, "admin");
  const rows = await db().rendering.findMany({
    where: { termId, status: "hidden" },
    orderBy: { createdAt: "asc" },
    include: { proposer: { select: { name: true } } },
  });
  return rows.map((r) => ({ id: r.id, text: r.text, gloss: r.gloss, rationale: r.rationale, proposer: r.proposer?.name ?? r.proposerLabel }));
}
