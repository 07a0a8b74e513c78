import "server-only";
import { createHmac } from "node:crypto";
import { db } from "@/server/db/client";
import { notFound } from "@/lib/errors";
import { isGrade, type BallotExport, type Grade } from "@/lib/tally";
import { ensureAuthSecret } from "@/server/auth/secret";

/**
 * The anonymized ballot export of a term (`GET /api/terms/{slug}/ballots`, read by
 * `npm run tally`), and the same data as the input of the site's own tally, so that the
 * offline recount and the served results cannot drift apart.
 *
 * Anonymized: voters appear as stable per-term pseudonyms, with their delegation, grades and
 * reject reasons (reasons are public beside the results). No names, emails, user ids, notes
 * or times.
 */

export async function exportBallots(slug: string): Promise<BallotExport> {
  const term = await db().term.findUnique({ where: { slug }, select: { id: true, slug: true } });
  if (!term) throw notFound("Term");
  return tallyInput(term, pseudonymFor(term.id));
}

/**
 * The active renderings of the term and every ballot, grades and reasons restricted to those
 * renderings (grades on withdrawn, merged or hidden renderings do not count; the tally would
 * ignore them anyway). Without `voterId`, voters are named by user id: for internal use only.
 */
export async function tallyInput(
  term: { id: string; slug: string },
  voterId: (userId: string) => string = (userId) => userId,
): Promise<BallotExport> {
  const [renderings, ballots] = await Promise.all([
    db().rendering.findMany({
      where: { termId: term.id, status: "active" },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, text: true, createdAt: true },
    }),
    db().ballot.findMany({
      where: { termId: term.id },
      select: { userId: true, grades: true, reasons: true, delegation: { select: { name: true } } },
    }),
  ]);
  const active = new Set(renderings.map((r) => r.id));
  return {
    term: term.slug,
    renderings: renderings.map((r) => ({ id: r.id, text: r.text, createdAt: r.createdAt.toISOString() })),
    ballots: ballots
      .map((b) => ({
        voter: voterId(b.userId),
        delegation: b.delegation.name,
        grades: storedGrades(b.grades, active),
        reasons: storedReasons(b.reasons, active),
      }))
      .sort((a, b) => (a.voter < b.voter ? -1 : a.voter > b.voter ? 1 : 0)),
  };
}

/**
 * A stored JSON column as read: Prisma's model queries give it parsed; raw statements give
 * PostgreSQL's parsed and SQLite's as text.
 */
function storedJson(value: unknown): unknown {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return null;
  }
}

/** Grades as stored (JSON), keeping only well-formed ones, optionally only for some renderings. */
export function storedGrades(stored: unknown, only?: ReadonlySet<string>): Record<string, Grade> {
  const json = storedJson(stored);
  if (!json || typeof json !== "object" || Array.isArray(json)) return {};
  return Object.fromEntries(
    Object.entries(json).filter(([id, grade]) => isGrade(grade) && (!only || only.has(id))),
  ) as Record<string, Grade>;
}

export function storedReasons(stored: unknown, only?: ReadonlySet<string>): Record<string, string> {
  const json = storedJson(stored);
  if (!json || typeof json !== "object" || Array.isArray(json)) return {};
  return Object.fromEntries(
    Object.entries(json).filter(([id, reason]) => typeof reason === "string" && (!only || only.has(id))),
  ) as Record<string, string>;
}

/**
 * "v-" and 16 hex digits of HMAC-SHA256(key, termId:userId): stable for a voter within a term,
 * unlinkable across terms and to the account without the key. The key is derived from the
 * install's secret rather than being the session-signing secret itself.
 */
export function pseudonymFor(termId: string): (userId: string) => string {
  const key = createHmac("sha256", ensureAuthSecret()).update("gongshang ballot export pseudonyms").digest();
  return (userId) => `v-${createHmac("sha256", key).update(`${termId}:${userId}`).digest("hex").slice(0, 16)}`;
}
