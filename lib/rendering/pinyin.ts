import { derivePinyin, tidyRenderingText } from "./text";
import { tonedPinyin } from "./pinyin-input";

/**
 * The pinyin a rendering is stored with: as given (tone numbers turned into marks), or derived
 * from the Hanzi when left empty. The proposal form's preview runs the same function, loaded
 * only when a scholar types (pinyin-pro and the character tables are large).
 */
export function renderingPinyin(text: string, given: string | undefined): string {
  return given ? tonedPinyin(given) : derivePinyin(text);
}

/** What the proposal form shows while the scholar types: the pinyin the rendering would get ("" for nothing yet). */
export function pinyinPreview(text: string, given: string): string {
  const typed = tidyRenderingText(given);
  const hanzi = tidyRenderingText(text);
  if (!typed && !hanzi) return "";
  return renderingPinyin(hanzi, typed || undefined);
}
