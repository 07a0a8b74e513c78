/**
 * How a comment body is shown: plain text, its line breaks kept, and http(s) links made
 * clickable. The result is data (lines of text and link pieces) that components render as
 * React text, so nothing a user writes is ever parsed as HTML or script.
 */

export type BodyPiece = { kind: "text"; text: string } | { kind: "link"; text: string; href: string };
export type BodyLine = BodyPiece[];

/**
 * Bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069): they
 * can reverse the text around them and disguise a link or a name ("Trojan Source"). They are
 * removed for display; the stored text stays as written.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, "");
}

/**
 * A URL runs from http:// or https:// to the first space, angle bracket, quote, or CJK/
 * full-width punctuation (Chinese text rarely leaves a space after a link).
 */
const URL_CANDIDATE = /\bhttps?:\/\/[^\s<>"'`\u3000-\u303F\uFF01-\uFF0F\uFF1A-\uFF20\uFF3B-\uFF40\uFF5B-\uFF65]+/giu;
/** Punctuation that ends a sentence rather than the link ("see https://x.org/a."). */
const TRAILING = /[.,;:!?*_~]+$/u;

/** Splits a body into lines, each a run of text and link pieces. */
export function bodyLines(body: string): BodyLine[] {
  return stripBidiControls(body).replace(/\r\n?/g, "\n").split("\n").map(linkifyLine);
}

function linkifyLine(line: string): BodyLine {
  const pieces: BodyLine = [];
  let last = 0;
  for (const match of line.matchAll(URL_CANDIDATE)) {
    const start = match.index ?? 0;
    const url = trimUrl(match[0]);
    const href = safeHref(url);
    if (!href) continue;
    if (start > last) pieces.push({ kind: "text", text: line.slice(last, start) });
    pieces.push({ kind: "link", text: url, href });
    last = start + url.length;
  }
  if (last < line.length || pieces.length === 0) pieces.push({ kind: "text", text: line.slice(last) });
  return pieces;
}

/** Drops trailing punctuation, and a closing bracket the link did not open ("(see https://x.org)"). */
function trimUrl(url: string): string {
  let u = url.replace(TRAILING, "");
  for (const [open, close] of [["(", ")"], ["[", "]"], ["{", "}"]] as const) {
    while (u.endsWith(close) && count(u, close) > count(u, open)) u = u.slice(0, -1).replace(TRAILING, "");
  }
  return u;
}

function count(s: string, ch: string): number {
  return s.split(ch).length - 1;
}

/** The normalized href when the text is a well-formed http(s) URL with a host, else null. */
export function safeHref(url: string): string | null {
  if (!URL.canParse(url)) return null;
  const parsed = new URL(url);
  if ((parsed.protocol !== "http:" && parsed.protocol !== "https:") || !parsed.hostname) return null;
  return parsed.href;
}

/** rel of every user-supplied link: no window.opener, no referrer, no search-ranking endorsement. */
export const USER_LINK_REL = "noopener noreferrer nofollow ugc";
