/** PASS/FAIL and number formatting shared by the bench:conference figures. */
export const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : "–");
export const f0 = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : "–");

/** Passes when every check holds; `why` lists the ones that do not. */
export function verdict(checks: [boolean, string][]): { pass: boolean; why: string[] } {
  const why = checks.filter(([ok]) => !ok).map(([, w]) => w);
  return { pass: why.length === 0, why };
}
