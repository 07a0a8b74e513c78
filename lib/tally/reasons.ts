/**
 * Reject reasons as the results list them: each distinct text once with the number of voters
 * who gave it, the most given first, at most LISTED_REASONS per delegation and rendering. The
 * results' size and the work of computing them then depend on the renderings and delegations,
 * not on how many voters rejected (every reason, as cast, is in the ballot export).
 *
 * The order is total and the same in SQL (server/results/cells.ts picks the listed reasons in
 * the database): voters descending, then the text in code point order — the byte order of its
 * UTF-8, which is SQLite's BINARY collation and PostgreSQL's "C" collation.
 */
export type Reason = { text: string; voters: number };

export const LISTED_REASONS = 20;

/** The listed reasons of counted texts (text → voters; counts of 0 or less are left out). */
export function listedReasons(counts: ReadonlyMap<string, number>): Reason[] {
  const all: Reason[] = [];
  for (const [text, voters] of counts) if (voters > 0) all.push({ text, voters });
  return all.sort(byReasonOrder).slice(0, LISTED_REASONS);
}

/** Texts as given (one entry per voter), counted and listed. */
export function listedReasonsOf(texts: readonly string[]): Reason[] {
  const counts = new Map<string, number>();
  for (const t of texts) counts.set(t, (counts.get(t) ?? 0) + 1);
  return listedReasons(counts);
}

export function byReasonOrder(x: Reason, y: Reason): number {
  return y.voters - x.voters || byCodePoints(x.text, y.text);
}

/**
 * Code point order (UTF-8 byte order). JavaScript's `<` compares UTF-16 code units, which puts
 * a character above U+FFFF (a surrogate pair, D800–DFFF) before U+E000–U+FFFF; shifting the
 * surrogates above that range gives code point order.
 */
export function byCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

function codePointRank(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) return unit + 0x2000;
  if (unit >= 0xe000) return unit - 0x800;
  return unit;
}
