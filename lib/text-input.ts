/**
 * What every text a person sends must be: well-formed Unicode (no lone UTF-16 surrogate, which
 * no encoding can store and which breaks JSON and database functions downstream) and free of
 * U+0000 (which PostgreSQL cannot store). Checked once, where input is parsed.
 */

/** No input of ours nests deeper than a few levels; a deeper body is refused before it is walked. */
export const MAX_JSON_DEPTH = 32;

export type TextProblem = "nul" | "malformed" | "too_deep";

/** Whether one string is text we store: well-formed and without U+0000. */
export function textProblem(s: string): "nul" | "malformed" | null {
  if (!s.isWellFormed()) return "malformed";
  if (s.includes("\u0000")) return "nul";
  return null;
}

/**
 * The first string (key or value) in a parsed JSON value that is not text we store, with its
 * dotted path ("reasons.r1"; a bad key is reported at the key's own path), or a value nested
 * deeper than MAX_JSON_DEPTH. Iterative, so no input can overflow the stack.
 */
export function findIllFormedText(root: unknown): { path: string; problem: TextProblem } | null {
  const stack: { value: unknown; path: string[] }[] = [{ value: root, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value === "string") {
      const problem = textProblem(value);
      if (problem) return { path: path.map(printable).join("."), problem };
      continue;
    }
    if (!value || typeof value !== "object") continue;
    if (path.length >= MAX_JSON_DEPTH) return { path: path.map(printable).join("."), problem: "too_deep" };
    for (const [k, v] of Object.entries(value)) {
      const problem = textProblem(k);
      if (problem) return { path: [...path, k].map(printable).join("."), problem };
      stack.push({ value: v, path: [...path, k] });
    }
  }
  return null;
}

/** A path segment safe to echo back in a JSON error (the bad key itself is not). */
function printable(segment: string): string {
  return textProblem(segment) ? "?" : segment;
}
