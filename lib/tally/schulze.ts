/**
 * The Schulze method over a pairwise matrix (n×n, row-major): d[x * n + y] is the number
 * of voters who prefer x to y. Kept apart from the counting so it can be checked alone.
 */

/**
 * Strength of the strongest path from x to y. A direct link x→y has strength d[x][y] when
 * x wins that pair (d[x][y] > d[y][x]) and 0 otherwise; a path is as strong as its weakest
 * link; the widest-path form of Floyd–Warshall finds the best path for every pair.
 */
export function strongestPaths(d: ArrayLike<number>, n: number): Int32Array {
  const p = new Int32Array(n * n);
  // Indices are in range by construction, hence the `!`s.
  for (let x = 0; x < n; x++)
    for (let y = 0; y < n; y++) {
      const dxy = d[x * n + y]!;
      if (x !== y && dxy > d[y * n + x]!) p[x * n + y] = dxy;
    }
  for (let via = 0; via < n; via++)
    for (let x = 0; x < n; x++) {
      const toVia = p[x * n + via]!;
      if (x === via || toVia === 0) continue;
      for (let y = 0; y < n; y++) {
        if (y === x || y === via) continue;
        const through = Math.min(toVia, p[via * n + y]!);
        if (through > p[x * n + y]!) p[x * n + y] = through;
      }
    }
  return p;
}

/** x beats y in the Schulze relation; the relation is transitive (Schulze 2011, §4.1). */
export function beats(p: ArrayLike<number>, n: number, x: number, y: number): boolean {
  return p[x * n + y]! > p[y * n + x]!;
}

/** For each x, how many others it beats. */
export function countWins(p: ArrayLike<number>, n: number): Int32Array {
  const wins = new Int32Array(n);
  for (let x = 0; x < n; x++) for (let y = 0; y < n; y++) if (beats(p, n, x, y)) wins[x]!++;
  return wins;
}
