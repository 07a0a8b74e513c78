import { shownReasons, type ShownReasons } from "@/lib/reasons";
import type { Block, RenderingResult, Results } from "@/lib/tally";

export type { ShownReasons } from "@/lib/reasons";

export type PageRendering = Omit<RenderingResult, "rejectReasons" | "blockedBy"> & {
  rejectReasons: Record<string, ShownReasons>;
  blockedBy: (Omit<Block, "reasons"> & { reasons: ShownReasons })[];
};

/**
 * The results as the term page draws them, and as small as that allows, since the page sends
 * them to the browser: reasons capped (`shownReasons`), the pairwise counts as a matrix in
 * ranking order, and no strongest paths (the page does not draw them; the API has them).
 */
export type PageResults = Omit<Results, "renderings" | "pairwise" | "strongestPaths"> & {
  renderings: Record<string, PageRendering>;
  /** pairwise[i][j]: voters who graded ranking[i] higher than ranking[j]. */
  pairwise: number[][];
};

export function pageResults(results: Results): PageResults {
  const { renderings, pairwise, strongestPaths: _paths, ...rest } = results;
  return {
    ...rest,
    renderings: Object.fromEntries(
      Object.entries(renderings).map(([id, r]) => [
        id,
        {
          ...r,
          rejectReasons: Object.fromEntries(Object.entries(r.rejectReasons).map(([d, list]) => [d, shownReasons(list, rejectsOf(r, d))])),
          blockedBy: r.blockedBy.map((b) => ({ ...b, reasons: shownReasons(b.reasons, rejectsOf(r, b.delegation)) })),
        },
      ]),
    ),
    pairwise: results.ranking.map((x) => results.ranking.map((y) => pairwise[x]?.[y] ?? 0)),
  };
}

/** How many of the delegation's voters rejected the rendering. */
function rejectsOf(r: RenderingResult, delegation: string): number {
  return r.profileByDelegation[delegation]?.reject ?? 0;
}
