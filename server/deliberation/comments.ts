import "server-only";
import { db } from "@/server/db/client";
import { conflict, forbidden, invalid, notFound } from "@/lib/errors";
import { canAdminister, type Actor } from "@/lib/permissions";
import { editCommentSchema, newCommentSchema, type CommentView, type Stance } from "@/lib/schemas/comment";
import { COMMENTS_OPEN } from "@/lib/term-stages";
import { requireActor } from "@/server/auth/guard";
import { closeExpiredConsultation, requireStage } from "@/server/terms/deadline";
import { changeTerm } from "@/server/terms/change";
import { requireWithinLimit } from "@/server/site/rate-limit";

/**
 * The discussion of a rendering: comments for, against, or asking a question, replies one
 * level deep. Authors edit (the edit is marked) and delete their own; facilitators hide abuse
 * (server/deliberation/moderation.ts). Bodies are stored as written; lib/discussion/body.ts makes them safe
 * to show.
 */

const CLOSED = "Discussion is closed: comments are heard during the consultation and the provisional stage.";

/** The API's shape (lib/schemas/comment.ts), described in the OpenAPI document. */
export type { CommentView };

export type Discussion = {
  /** Top-level comments with their replies, oldest first, per rendering id. */
  byRendering: Record<string, CommentView[]>;
  counts: Record<string, Record<Stance, number>>;
};

export async function addComment(actor: Actor | null, renderingId: string, raw: unknown): Promise<CommentView> {
  const me = requireActor(actor);
  const input = newCommentSchema.parse(raw);
  const rendering = await db().rendering.findUnique({ where: { id: renderingId }, select: { id: true, termId: true, status: true, proposerId: true } });
  if (!rendering || rendering.status === "hidden") throw notFound("Rendering");
  if (rendering.status !== "active") throw conflict(`This rendering is ${rendering.status}; comment on the current candidates.`);
  await openDiscussion(rendering.termId);
  await requireWithinLimit("comment", me.id);

  let parentId: string | null = null;
  let parentAuthorId: string | null = null;
  if (input.parentId) {
    const parent = await db().comment.findUnique({ where: { id: input.parentId } });
    if (!parent || parent.renderingId !== renderingId || parent.hiddenAt) {
      throw invalid("The comment replied to is not on this rendering.", { parentId: ["parent_not_found"] });
    }
    // Replies are one level deep: a reply to a reply joins its thread.
    parentId = parent.parentId ?? parent.id;
    parentAuthorId = parent.parentId ? ((await db().comment.findUnique({ where: { id: parent.parentId }, select: { authorId: true } }))?.authorId ?? null) : parent.authorId;
  }
  const row = await changeTerm(rendering.termId, {}, async (tx, emit, notice) => {
    const c = await tx.comment.create({
      data: { termId: rendering.termId, renderingId, authorId: me.id, parentId, stance: input.stance, body: input.body },
      include: AUTHOR,
    });
    emit("comment", { action: "added", id: c.id, renderingId });
    // Only when someone else is to be told (the proposer, the author replied to): the notice's reads
    // stay out of the transaction of a comment nobody is told about.
    const told = [rendering.proposerId, parentAuthorId].some((id) => id !== null && id !== me.id);
    if (told) notice({ kind: "comment", commentId: c.id });
    return c;
  });
  return view(row, me, new Map());
}

export async function editComment(actor: Actor | null, id: string, raw: unknown): Promise<CommentView> {
  const me = requireActor(actor);
  const input = editCommentSchema.parse(raw);
  const c = await ownComment(me, id);
  await openDiscussion(c.termId);
  const row = await changeTerm(c.termId, {}, async (tx, emit) => {
    const { count } = await tx.comment.updateMany({
      where: { id, authorId: me.id, deletedAt: null, hiddenAt: null },
      data: { body: input.body, ...(input.stance ? { stance: input.stance } : {}), editedAt: new Date() },
    });
    if (count === 0) throw conflict("This comment changed meanwhile; reload and try again.");
    emit("comment", { action: "edited", id, renderingId: c.renderingId });
    return tx.comment.findUniqueOrThrow({ where: { id }, include: AUTHOR });
  });
  return view(row, me, await renderingTexts([row.movedFromId]));
}

/** Deleting keeps the row (replies stay in their thread) and shows "deleted" in its place. Allowed at any stage. */
export async function deleteComment(actor: Actor | null, id: string): Promise<void> {
  const me = requireActor(actor);
  const c = await ownComment(me, id);
  await changeTerm(c.termId, {}, async (tx, emit) => {
    const { count } = await tx.comment.updateMany({ where: { id, authorId: me.id, deletedAt: null }, data: { deletedAt: new Date() } });
    if (count > 0) emit("comment", { action: "deleted", id, renderingId: c.renderingId });
  });
}

/** All visible comments of a term's renderings, for the term page. */
export async function getDiscussion(viewer: Actor | null, termId: string): Promise<Discussion> {
  const admin = canAdminister(viewer);
  const rows = await db().comment.findMany({
    where: { termId, ...(admin ? {} : { hiddenAt: null }) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: AUTHOR,
  });
  const moved = await renderingTexts(rows.map((r) => r.movedFromId));
  const views = new Map(rows.map((r) => [r.id, view(r, viewer, moved)]));
  const byRendering: Record<string, CommentView[]> = {};
  const counts: Record<string, Record<Stance, number>> = {};
  for (const r of rows) {
    const v = views.get(r.id)!;
    const parent = r.parentId ? views.get(r.parentId) : undefined;
    if (r.parentId) {
      if (parent && !r.deletedAt) parent.replies.push(v);
      continue;
    }
    (byRendering[r.renderingId] ??= []).push(v);
  }
  for (const [renderingId, threads] of Object.entries(byRendering)) {
    // A deleted comment stays as a placeholder only while replies hang on it.
    byRendering[renderingId] = threads.filter((t) => !t.deleted || t.replies.length > 0);
    const c = (counts[renderingId] = { for: 0, against: 0, question: 0 });
    for (const t of byRendering[renderingId]) for (const x of [t, ...t.replies]) if (!x.deleted && !x.hidden) c[x.stance]++;
  }
  return { byRendering, counts };
}

const AUTHOR = { author: { select: { name: true, delegation: { select: { name: true, nameZh: true } } } } } as const;

type CommentRow = {
  id: string;
  authorId: string;
  stance: Stance;
  body: string;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
  hiddenAt: Date | null;
  movedFromId: string | null;
  author: { name: string; delegation: { name: string; nameZh: string | null } | null };
};

function view(c: CommentRow, viewer: Actor | null, moved: Map<string, string>): CommentView {
  const deleted = c.deletedAt !== null;
  return {
    id: c.id,
    stance: c.stance,
    body: deleted ? "" : c.body,
    author: { name: c.author.name, delegation: c.author.delegation?.name ?? null, delegationZh: c.author.delegation?.nameZh ?? null },
    createdAt: c.createdAt.toISOString(),
    editedAt: c.editedAt?.toISOString() ?? null,
    movedFrom: c.movedFromId ? { id: c.movedFromId, text: moved.get(c.movedFromId) ?? "" } : null,
    deleted,
    hidden: c.hiddenAt !== null,
    mine: !!viewer && viewer.id === c.authorId && !deleted,
    replies: [],
  };
}

async function renderingTexts(ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (wanted.length === 0) return new Map();
  const rows = await db().rendering.findMany({ where: { id: { in: wanted } }, select: { id: true, text: true } });
  return new Map(rows.map((r) => [r.id, r.text]));
}

/** The author's own comment, not deleted or hidden. Someone else's: 403; none: 404. */
async function ownComment(me: Actor, id: string) {
  const c = await db().comment.findUnique({ where: { id } });
  if (!c || c.deletedAt) throw notFound("Comment");
  if (c.authorId !== me.id) throw forbidden("Only its author may change or delete a comment.");
  if (c.hiddenAt) throw conflict("This comment was hidden by a facilitator and can no longer be changed.");
  return c;
}

async function openDiscussion(termId: string): Promise<void> {
  await closeExpiredConsultation({ id: termId });
  const term = await db().term.findUniqueOrThrow({ where: { id: termId }, select: { stage: true } });
  requireStage(term.stage, COMMENTS_OPEN, CLOSED);
}

/** Visible arguments per rendering and stance, for the results beside each merit profile. */
export async function argumentCounts(slug: string): Promise<Record<string, Record<Stance, number>>> {
  const rows = await db().comment.groupBy({
    by: ["renderingId", "stance"],
    where: { term: { slug }, hiddenAt: null, deletedAt: null },
    _count: { _all: true },
  });
  const out: Record<string, Record<Stance, number>> = {};
  for (const r of rows) (out[r.renderingId] ??= { for: 0, against: 0, question: 0 })[r.stance] = r._count._all;
  return out;
}
