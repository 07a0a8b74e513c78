import { byCodeUnits, type BallotCounts } from "./count";
import { listedReasons } from "./reasons";
import { GRADES, gradeRank, type Grade } from "./grades";
import type { BallotExport, Results } from "./schema";
import { resultsFromCounts } from "./tally";

/**
 * The counts the results are made of, as cells that a change of one ballot adjusts by a
 * difference (issue 12: a maintained tally). Keyed by ids, not positions, so they are stored
 * as rows and survive renderings coming and going:
 *
 * - `voters`   (delegation)                    ballots of the delegation grading ≥ 1 active rendering
 * - `profile`  (delegation, rendering, grade)  voters of the delegation who gave the rendering that grade
 * - `pair`     (x, y)                          voters who graded x strictly higher than y
 * - `reason`   (delegation, rendering, text)   voters of the delegation who rejected the rendering with that reason
 *
 * A ballot touches O(k²) cells for the k active renderings it grades. The cells of a term are
 * the sum of its ballots' contributions over the active renderings at the time, so a change of
 * the active set (merge, hide, withdraw) rebuilds them rather than adjusting them.
 */
export type CellKind = "voters" | "profile" | "pair" | "reason";
export type Cell = { kind: CellKind; delegation: string; a: string; b: string; n: number };

/** What a ballot is to the tally (the export's ballot, without its voter id). */
export type TalliedBallot = { delegation: string; grades: Record<string, Grade>; reasons?: Record<string, string> };

const SEP = "\u0000";
const keyOf = (kind: CellKind, delegation: string, a: string, b: string) => [kind, delegation, a, b].join(SEP);

function addContribution(into: Map<string, Cell>, ballot: TalliedBallot, sign: 1 | -1, active: ReadonlySet<string>) {
  const graded = Object.entries(ballot.grades).filter(([id]) => active.has(id));
  if (graded.length === 0) return;
  const add = (kind: CellKind, delegation: string, a: string, b: string) => {
    const key = keyOf(kind, delegation, a, b);
    const cell = into.get(key);
    if (cell) cell.n += sign;
    else into.set(key, { kind, delegation, a, b, n: sign });
  };
  const d = ballot.delegation;
  add("voters", d, "", "");
  for (const [id, grade] of graded) {
    add("profile", d, id, grade);
    if (grade === "reject") {
      const reason = reasonOf(ballot, id);
      if (reason) add("reason", d, id, reason);
    }
  }
  for (const [x, gx] of graded) {
    const rx = gradeRank(gx);
    for (const [y, gy] of graded) if (rx > gradeRank(gy)) add("pair", "", x, y);
  }
}

/**
 * The cells to add when a voter's ballot goes from `before` to `after` (null: none), over the
 * active renderings: the new contribution minus the old one, without the cells that cancel.
 * The same sum as `addContribution(after, +1)` and `addContribution(before, -1)` (the property
 * tests check it against a recount), computed without a map of string keys: on the hot path of
 * every save, where a revision of 20 grades differs in about 200 cells.
 */
export function ballotDelta(before: TalliedBallot | null, after: TalliedBallot | null, active: ReadonlySet<string>): Cell[] {
  const old = graded(before, active);
  const now = graded(after, active);
  const out: Cell[] = [];
  const sameDelegation = before !== null && after !== null && before.delegation === after.delegation;
  // Voters: one per delegation that has a ballot grading an active rendering.
  const hadVote = old.size > 0;
  const hasVote = now.size > 0;
  if (sameDelegation) {
    if (hadVote !== hasVote) out.push({ kind: "voters", delegation: after.delegation, a: "", b: "", n: hasVote ? 1 : -1 });
  } else {
    if (hadVote) out.push({ kind: "voters", delegation: before!.delegation, a: "", b: "", n: -1 });
    if (hasVote) out.push({ kind: "voters", delegation: after!.delegation, a: "", b: "", n: 1 });
  }
  // Grade counts and reject reasons, per rendering.
  for (const id of new Set([...old.keys(), ...now.keys()])) {
    const o = old.get(id);
    const a = now.get(id);
    const oldReason = o && o.grade === "reject" ? reasonOf(before!, id) : "";
    const newReason = a && a.grade === "reject" ? reasonOf(after!, id) : "";
    if (!(sameDelegation && o?.grade === a?.grade)) {
      if (o) out.push({ kind: "profile", delegation: before!.delegation, a: id, b: o.grade, n: -1 });
      if (a) out.push({ kind: "profile", delegation: after!.delegation, a: id, b: a.grade, n: 1 });
    }
    if (!(sameDelegation && oldReason === newReason)) {
      if (oldReason) out.push({ kind: "reason", delegation: before!.delegation, a: id, b: oldReason, n: -1 });
      if (newReason) out.push({ kind: "reason", delegation: after!.delegation, a: id, b: newReason, n: 1 });
    }
  }
  // Pairs (no delegation): [x above y] after minus before, over every rendering graded in either.
  const ids = [...new Set([...old.keys(), ...now.keys()])];
  for (const x of ids) {
    const ox = old.get(x)?.rank;
    const ax = now.get(x)?.rank;
    for (const y of ids) {
      if (x === y) continue;
      const oy = old.get(y)?.rank;
      const ay = now.get(y)?.rank;
      const n = (ax !== undefined && ay !== undefined && ax > ay ? 1 : 0) - (ox !== undefined && oy !== undefined && ox > oy ? 1 : 0);
      if (n !== 0) out.push({ kind: "pair", delegation: "", a: x, b: y, n });
    }
  }
  return out;
}

/** The ballot's reason for rejecting `id`, trimmed ("" for none; own keys only, so an id like "__proto__" is safe). */
function reasonOf(ballot: TalliedBallot, id: string): string {
  const r = ballot.reasons && Object.hasOwn(ballot.reasons, id) ? ballot.reasons[id] : undefined;
  return typeof r === "string" ? r.trim() : "";
}

/** A ballot's grades of active renderings, with their ranks. */
function graded(ballot: TalliedBallot | null, active: ReadonlySet<string>): Map<string, { grade: Grade; rank: number }> {
  const out = new Map<string, { grade: Grade; rank: number }>();
  if (ballot) for (const [id, grade] of Object.entries(ballot.grades)) if (active.has(id)) out.set(id, { grade, rank: gradeRank(grade) });
  return out;
}

/** The cells of a set of ballots, from nothing (a rebuild, and the oracle's side of the tests). */
export function cellsOf(ballots: readonly TalliedBallot[], active: ReadonlySet<string>): Cell[] {
  const cells = new Map<string, Cell>();
  for (const b of ballots) addContribution(cells, b, 1, active);
  return [...cells.values()].filter((c) => c.n !== 0);
}

/** Sums cells with the same key (stored rows plus deltas), dropping those that reach 0. */
export function sumCells(...lists: readonly (readonly Cell[])[]): Cell[] {
  const cells = new Map<string, Cell>();
  for (const list of lists)
    for (const c of list) {
      const key = keyOf(c.kind, c.delegation, c.a, c.b);
      const cell = cells.get(key);
      if (cell) cell.n += c.n;
      else cells.set(key, { ...c });
    }
  return [...cells.values()].filter((c) => c.n !== 0);
}

const G = GRADES.length;

/** The tally's counts from cells; cells of renderings not in `renderingIds` are left out. */
export function countsFromCells(cells: readonly Cell[], renderingIds: readonly string[]): BallotCounts {
  const n = renderingIds.length;
  const indexOf = new Map(renderingIds.map((id, r) => [id, r]));
  const delegations = [...new Set(cells.filter((c) => c.kind === "voters" && c.n > 0).map((c) => c.delegation))].sort(byCodeUnits);
  const d = new Map(delegations.map((name, i) => [name, i]));
  const profiles = delegations.map(() => new Int32Array(n * G));
  const reasonCounts = delegations.map(() => Array.from({ length: n }, () => new Map<string, number>()));
  const pairwise = new Int32Array(n * n);
  const votersByDelegation = delegations.map(() => 0);
  let voters = 0;
  for (const c of cells) {
    if (c.n < 0) throw new RangeError(`a negative count: ${JSON.stringify(c)}`);
    const di = d.get(c.delegation);
    const a = indexOf.get(c.a);
    if (c.kind === "voters") {
      voters += c.n;
      if (di !== undefined) votersByDelegation[di]! += c.n;
    }
    else if (c.kind === "pair") {
      const b = indexOf.get(c.b);
      if (a !== undefined && b !== undefined) pairwise[a * n + b]! += c.n;
    } else if (di !== undefined && a !== undefined) {
      if (c.kind === "profile") profiles[di]![a * G + gradeRank(c.b as Grade)]! += c.n;
      else {
        const counts = reasonCounts[di]![a]!;
        counts.set(c.b, (counts.get(c.b) ?? 0) + c.n);
      }
    }
  }
  const rejectReasons = reasonCounts.map((lists) => lists.map(listedReasons));
  return { voters, delegations, votersByDelegation, profiles, pairwise, rejectReasons };
}

/** The results from maintained cells: what a read serves, without looking at a ballot. */
export function resultsFromCells(term: string, renderings: BallotExport["renderings"], cells: readonly Cell[]): Results {
  return resultsFromCounts(term, renderings, countsFromCells(cells, renderings.map((r) => r.id)));
}
