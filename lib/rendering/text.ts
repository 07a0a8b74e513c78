import { Converter as toSimplifiedConverter } from "opencc-js/t2cn";
import { Converter as toTraditionalConverter } from "opencc-js/cn2t";
import { pinyin } from "pinyin-pro";

/** Separators a rendering may contain besides Han characters (and spaces). */
export const SEPARATORS = ["•", "·", "・"] as const;
const SEPARATOR_OR_SPACE = /[•·・\s\u3000]/gu;

const toSimplified = toSimplifiedConverter({ from: "t", to: "cn" });
const toTraditional = toTraditionalConverter({ from: "cn", to: "t" });

/**
 * The key two renderings are compared by: Unicode NFKC, separators and spaces removed,
 * traditional characters folded to simplified (多元共進 and 多元 共进 both give 多元共进).
 */
export function normalizedKey(text: string): string {
  return toSimplified(text.normalize("NFKC").replace(SEPARATOR_OR_SPACE, ""));
}

/** The text as written, tidied: NFC, runs of spaces collapsed, trimmed. */
export function tidyRenderingText(text: string): string {
  return text.normalize("NFC").replace(/\s+/gu, " ").trim();
}

export function traditionalForm(text: string): string {
  return toTraditional(text);
}

/** Pinyin with tone marks, syllables separated by spaces, separators kept (duō yuán • hé zuò). */
export function derivePinyin(text: string): string {
  return pinyin(toSimplified(text), { toneType: "symbol", type: "string", nonZh: "consecutive" })
    .replace(/\s+/gu, " ")
    .trim();
}
