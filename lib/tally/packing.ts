import { GRADES, gradeRank, type Grade } from "./grades";
import type { Cell } from "./cells";

/**
 * How the maintained tally's cells are stored: the many small counts packed into few rows.
 * A revision of 20 grades changes about 200 cells (lib/tally/cells.ts), and a row per count
 * made the save write as many rows under the term's lock (measured on PostgreSQL: 1.75 ms for
 * the rows against 0.56 ms packed, per save). Packed:
 *
 * - `pairs` (a = x): the pairwise counts d[x][y] of one rendering x, entry i for the i-th
 *   rendering of the term's layout;
 * - `profiles` (delegation = d): the grade counts of one delegation, entry i·6 + grade rank for
 *   the i-th rendering of the layout;
 * - `voters` and `reason` cells stay single counts (`n`).
 *
 * The layout is the term's list of rendering ids (Term.tallyLayout): fixed when the cells are
 * rebuilt, extended when a rendering is added; a packed array may be shorter than the layout
 * (missing entries are 0), never longer.
 */
export type PackedRow =
  | { kind: "voters" | "reason"; delegation: string; a: string; b: string; n: number; counts: null }
  | { kind: "pairs" | "profiles"; delegation: string; a: string; b: ""; n: 0; counts: number[] };

const G = GRADES.length;

/** The rows for cells over renderings of the layout; throws when a cell names one outside it. */
export function packCells(cells: readonly Cell[], layout: readonly string[]): PackedRow[] {
  const slot = slotsOf(layout);
  const at = (id: string) => {
    const i = slot.get(id);
    if (i === undefined) throw new RangeError(`rendering ${id} is not in the tally's layout`);
    return i;
  };
  const single: PackedRow[] = [];
  const packed = new Map<string, PackedRow & { counts: number[] }>();
  const row = (kind: "pairs" | "profiles", delegation: string, a: string, size: number) => {
    const key = packedKey(kind, delegation, a);
    let r = packed.get(key);
    if (!r) packed.set(key, (r = { kind, delegation, a, b: "", n: 0, counts: new Array<number>(size).fill(0) }));
    return r;
  };
  for (const c of cells) {
    if (c.kind === "pair") row("pairs", "", c.a, layout.length).counts[at(c.b)]! += c.n;
    else if (c.kind === "profile") row("profiles", c.delegation, "", layout.length * G).counts[at(c.a) * G + gradeRank(c.b as Grade)]! += c.n;
    else single.push({ kind: c.kind, delegation: c.delegation, a: c.a, b: c.b, n: c.n, counts: null });
  }
  return [...single, ...[...packed.values()].filter((r) => r.counts.some((n) => n !== 0))];
}

/** What identifies a packed row of a term (its kind, delegation and rendering). */
export function packedKey(kind: string, delegation: string, a: string): string {
  return `${kind}\u0000${delegation}\u0000${a}`;
}

/** The cells the rows hold (zero counts left out), the inverse of packCells. */
export function unpackCells(rows: readonly PackedRow[], layout: readonly string[]): Cell[] {
  const out: Cell[] = [];
  for (const r of rows) {
    if (r.counts === null) {
      if (r.n !== 0) out.push({ kind: r.kind, delegation: r.delegation, a: r.a, b: r.b, n: r.n });
      continue;
    }
    r.counts.forEach((n, i) => {
      if (n === 0) return;
      if (r.kind === "pairs") out.push({ kind: "pair", delegation: "", a: r.a, b: idAt(layout, i), n });
      else out.push({ kind: "profile", delegation: r.delegation, a: idAt(layout, Math.floor(i / G)), b: GRADES[i % G]!, n });
    });
  }
  return out;
}

/** Entry-wise sum of two packed arrays (the shorter padded with zeros). */
export function addCounts(a: readonly number[], b: readonly number[]): number[] {
  return Array.from({ length: Math.max(a.length, b.length) }, (_, i) => (a[i] ?? 0) + (b[i] ?? 0));
}

/** A stored `counts` text as numbers ("" and "[]" are empty). */
export function parseCounts(text: string): number[] {
  if (!text) return [];
  const parsed: unknown = JSON.parse(text);
  if (!Array.isArray(parsed) || !parsed.every((n) => Number.isInteger(n))) throw new TypeError(`not packed counts: ${text.slice(0, 80)}`);
  return parsed as number[];
}

function slotsOf(layout: readonly string[]): Map<string, number> {
  return new Map(layout.map((id, i) => [id, i]));
}

function idAt(layout: readonly string[], i: number): string {
  const id = layout[i];
  if (id === undefined) throw new RangeError(`packed counts longer than the tally's layout (${layout.length})`);
  return id;
}
