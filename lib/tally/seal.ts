import { createHash } from "node:crypto";
import canonicalize from "canonicalize";

/**
 * Sealing a ballot export (issue 15): its canonical JSON per RFC 8785 (JCS: keys sorted by
 * UTF-16 code units, no whitespace, ECMAScript number form) and the SHA-256 of that text.
 * A decision stores the canonical text itself, so the file served at
 * GET /api/terms/{slug}/decisions/{id}/ballots hashes to the digest byte for byte
 * (`sha256sum` agrees), and any re-serialization of the same JSON gives the same digest
 * through `npm run tally -- --digest FILE`.
 */

/** The RFC 8785 canonical form of a JSON value (throws on NaN, Infinity, lone surrogates). */
export function canonicalJson(value: unknown): string {
  // RFC 8785 §3.2.2.2: a lone surrogate is an error (the library would escape it silently).
  assertWellFormed(value);
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError("not a JSON value");
  return text;
}

/** SHA-256 (lowercase hex) of the UTF-8 bytes of the value's canonical JSON. */
export function ballotsDigest(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

const LONE_SURROGATE = /\p{Cs}/u;

function assertWellFormed(value: unknown): void {
  if (typeof value === "string") {
    if (LONE_SURROGATE.test(value)) throw new TypeError("a string holds a lone surrogate");
  } else if (Array.isArray(value)) {
    for (const item of value) assertWellFormed(item);
  } else if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      assertWellFormed(key);
      assertWellFormed(item);
    }
  }
}
