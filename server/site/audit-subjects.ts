import "server-only";
import { db } from "@/server/db/client";

type Subject = { term: { slug: string; headword: string } | null; subject: string | null };
type Ref = { entityType: string; entityId: string };

const TERM = { select: { slug: true, headword: true } } as const;
const ids = (refs: Ref[], type: string) => [...new Set(refs.filter((r) => r.entityType === type).map((r) => r.entityId))];

/**
 * What each audit entry is about, by name, read in one query per kind of entity on the page: the
 * term (for its headword and link) and the rendering, member or delegation it names. Entities
 * deleted since are simply not named.
 */
export async function auditSubjects(refs: Ref[]): Promise<Map<string, Subject>> {
  const [terms, renderings, comments, decisions, merges, users, delegations, invites] = await Promise.all([
    db().term.findMany({ where: { id: { in: ids(refs, "term") } }, select: { id: true, slug: true, headword: true } }),
    db().rendering.findMany({ where: { id: { in: ids(refs, "rendering") } }, select: { id: true, text: true, term: TERM } }),
    db().comment.findMany({ where: { id: { in: ids(refs, "comment") } }, select: { id: true, rendering: { select: { text: true } }, term: TERM } }),
    db().decision.findMany({ where: { id: { in: ids(refs, "decision") } }, select: { id: true, term: TERM } }),
    db().renderingMerge.findMany({ where: { id: { in: ids(refs, "merge") } }, select: { id: true, term: TERM } }),
    db().user.findMany({ where: { id: { in: ids(refs, "user") } }, select: { id: true, name: true } }),
    db().delegation.findMany({ where: { id: { in: ids(refs, "delegation") } }, select: { id: true, name: true } }),
    db().invite.findMany({ where: { id: { in: ids(refs, "invite") } }, select: { id: true, delegation: { select: { name: true } } } }),
  ]);
  const found = new Map<string, Subject>();
  const put = (type: string, id: string, s: Subject) => found.set(`${type}:${id}`, s);
  for (const t of terms) put("term", t.id, { term: { slug: t.slug, headword: t.headword }, subject: null });
  for (const r of renderings) put("rendering", r.id, { term: r.term, subject: r.text });
  for (const c of comments) put("comment", c.id, { term: c.term, subject: c.rendering.text });
  for (const d of decisions) put("decision", d.id, { term: d.term, subject: null });
  for (const m of merges) put("merge", m.id, { term: m.term, subject: null });
  for (const u of users) put("user", u.id, { term: null, subject: u.name });
  for (const d of delegations) put("delegation", d.id, { term: null, subject: d.name });
  for (const i of invites) put("invite", i.id, { term: null, subject: i.delegation.name });
  return found;
}
