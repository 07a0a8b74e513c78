import { GLOSS_MAX, PINYIN_MAX, RATIONALE_MAX, pinyinSchema, renderingTextSchema } from "@/lib/schemas/rendering";
import { derivePinyin, normalizedKey, traditionalForm } from "@/lib/rendering/text";
import { tonedPinyin } from "@/lib/rendering/pinyin-input";
import { clean } from "@/lib/import/model";

/**
 * The rendering rules, for a rendering that comes from a file rather than from the proposal
 * form. A Chinese target (zh, zh-Hans, zh-Hant, zh-CN…) follows the proposal rules exactly:
 * Han script, 2–32 characters, the separators • · ・; its duplicate key is the proposals' (NFKC,
 * separators removed, traditional folded to simplified); pinyin as given (tone numbers become
 * marks) or derived. Any other target language (an en → es glossary) has no script rule: 1–200
 * characters with at least one letter or digit, duplicates compared case-insensitively after
 * NFKC. The text is stored as written, never converted.
 */

export type CheckedRendering = { text: string; key: string; traditional: string; pinyin: string };
export type RenderingVerdict = { ok: true; rendering: CheckedRendering } | { ok: false; code: string; message: string };

const MESSAGES: Record<string, string> = {
  text_required: "the rendering is empty",
  text_no_han: "a Chinese rendering must contain Chinese characters",
  text_bad_chars: "a Chinese rendering may contain only Chinese characters, spaces and the separators • · ・",
  text_too_short: "a Chinese rendering has at least 2 characters",
  text_too_long: "a Chinese rendering has at most 32 characters",
  other_too_long: "a rendering has at most 200 characters",
  other_no_letter: "a rendering must contain a letter or a digit",
};

export const isChinese = (lang: string) => /^zh(?:-|$)/i.test(lang);

export function checkRendering(raw: string, lang: string, given: { pinyin?: string } = {}): RenderingVerdict {
  if (isChinese(lang)) {
    const parsed = renderingTextSchema.safeParse(raw);
    if (!parsed.success) {
      const code = parsed.error.issues[0]?.message ?? "text_required";
      return { ok: false, code, message: MESSAGES[code] ?? code };
    }
    const text = parsed.data;
    const pinyinOk = given.pinyin ? pinyinSchema.safeParse(given.pinyin) : null;
    const pinyin = pinyinOk?.success && pinyinOk.data ? tonedPinyin(pinyinOk.data) : derivePinyin(text);
    return { ok: true, rendering: { text, key: normalizedKey(text), traditional: traditionalForm(text), pinyin: pinyin.slice(0, PINYIN_MAX) } };
  }
  const text = clean(raw);
  if (!text) return { ok: false, code: "text_required", message: MESSAGES.text_required! };
  if ([...text].length > 200) return { ok: false, code: "other_too_long", message: MESSAGES.other_too_long! };
  if (!/[\p{L}\p{N}]/u.test(text)) return { ok: false, code: "other_no_letter", message: MESSAGES.other_no_letter! };
  return { ok: true, rendering: { text, key: text.normalize("NFKC").toLowerCase(), traditional: "", pinyin: "" } };
}

/** Gloss and rationale cut to what a proposal may hold. */
export const fitGloss = (s: string) => s.slice(0, GLOSS_MAX);
export const fitRationale = (s: string) => s.slice(0, RATIONALE_MAX);

/**
 * Whether two language tags name the same language for matching: equal ignoring case, or one a
 * more specific form of the other (en and en-US); zh-CN/zh-SG count as zh-Hans and
 * zh-TW/zh-HK/zh-MO as zh-Hant, but zh-Hans and zh-Hant differ.
 */
export function sameLanguage(a: string, b: string): boolean {
  const x = canonicalLang(a);
  const y = canonicalLang(b);
  return x === y || x.startsWith(`${y}-`) || y.startsWith(`${x}-`);
}

export function canonicalLang(tag: string): string {
  const t = tag.trim().toLowerCase().replace(/_/g, "-");
  const m = /^zh-(cn|sg|tw|hk|mo)$/.exec(t);
  if (!m) return t;
  return m[1] === "cn" || m[1] === "sg" ? "zh-hans" : "zh-hant";
}

/** Shared with the term forms' language check. */
export { tidyTag } from "@/lib/records/language-tag";
